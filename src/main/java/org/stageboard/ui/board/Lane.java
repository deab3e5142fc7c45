package org.stageboard.ui.board;

/** The three stages of the board, with what each one does and produces, in words for newcomers. */
public enum Lane {
    BUILD("Build", "produces an artifact",
            "Build turns one commit into an artifact: the build command runs on a clean export and its output is packed into a .tar.gz named by its SHA-256."),
    RELEASE("Release", "produces a numbered release",
            "A release combines one build's artifact with one environment's config into a numbered, immutable release such as staging v1."),
    RUN("Run", "puts a release to work on a host",
            "Run puts a release to work on a host over SSH: upload, switch, start, health check, and roll back if it fails.");

    private final String title;
    private final String produces;
    private final String emptyText;

    Lane(String title, String produces, String emptyText) {
        this.title = title;
        this.produces = produces;
        this.emptyText = emptyText;
    }

    public String title() {
        return title;
    }

    public String produces() {
        return produces;
    }

    public String emptyText() {
        return emptyText;
    }

    public String id() {
        return "lane-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
