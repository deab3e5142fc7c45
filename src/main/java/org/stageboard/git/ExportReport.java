package org.stageboard.git;

import java.util.List;

/**
 * What exporting a commit's tree wrote and what it could not: the number of files written, the
 * submodules (their paths; a submodule's content is another repository and is not exported), and
 * the files that are Git LFS pointers (small text files standing for content kept elsewhere).
 */
public record ExportReport(int files, List<String> submodules, List<String> lfsPointers) {

    public ExportReport {
        submodules = List.copyOf(submodules);
        lfsPointers = List.copyOf(lfsPointers);
    }

    /** What the build log and the build record say about it, one line per kind; empty when all was exported. */
    public List<String> notes() {
        List<String> notes = new java.util.ArrayList<>();
        if (!submodules.isEmpty()) {
            notes.add(submodules.size() + " submodule" + (submodules.size() == 1 ? "" : "s") + " not exported (the build folder has an empty folder in their place): "
                    + sample(submodules));
        }
        if (!lfsPointers.isEmpty()) {
            notes.add(lfsPointers.size() + " Git LFS pointer file" + (lfsPointers.size() == 1 ? "" : "s")
                    + " exported as pointers, not their content (fetch it in a step, e.g. 'git lfs', or commit the files): " + sample(lfsPointers));
        }
        return notes;
    }

    private static String sample(List<String> paths) {
        return paths.size() <= 5 ? String.join(", ", paths) : String.join(", ", paths.subList(0, 5)) + " and " + (paths.size() - 5) + " more";
    }
}
