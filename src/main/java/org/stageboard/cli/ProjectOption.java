package org.stageboard.cli;

import picocli.CommandLine.Option;

/** {@code -p/--project}, shared by the commands that act on one project. */
final class ProjectOption {
    @Option(names = {"-p", "--project"}, paramLabel = "NAME",
            description = "Project name (default: $STAGEBOARD_PROJECT, or the only project).")
    String name;
}
