package org.stageboard.run;

import org.stageboard.core.LedgerEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The release a rollback activates, read from a host's ledger: the releases that were live and
 * healthy there, as a stack (a deploy pushes, a rollback goes back down to its release), so the
 * target is the newest good release before the current one. Failed, cancelled and interrupted
 * activations never count; two rollbacks in a row go two steps back, not back and forth. Lines of
 * operations on the current release (stop, start, restart, release command) do not count either.
 */
final class RollbackTarget {

    private RollbackTarget() {
    }

    /** The good releases in order, oldest first; the last one is what should be current. */
    static List<String> goodHistory(List<LedgerEntry> ledger) {
        List<String> stack = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            if (!activation(entry)) {
                continue;
            }
            if (entry.madeLive()) {
                int at = stack.lastIndexOf(entry.release());
                if ("rollback".equals(entry.kind()) && at >= 0) {
                    truncate(stack, at + 1);
                } else {
                    stack.remove(entry.release());
                    stack.add(entry.release());
                }
            } else if (entry.restoredPrevious() && entry.previous() != null) {
                int at = stack.lastIndexOf(entry.previous());
                if (at >= 0) {
                    truncate(stack, at + 1);
                }
            }
        }
        return stack;
    }

    /**
     * The folder to roll back to from {@code current}, among the folders still on the host, or
     * null when there is none. When {@code current} is not the last good release (an interrupted
     * deploy, a hand-made switch), the last good release itself is the target.
     */
    static String choose(List<LedgerEntry> ledger, String current, List<String> onHost) {
        List<String> stack = goodHistory(ledger);
        for (int i = stack.size() - 1; i >= 0; i--) {
            String folder = stack.get(i);
            if (!folder.equals(current) && onHost.contains(folder)) {
                return folder;
            }
        }
        return null;
    }

    /**
     * True for lines of activations (deploys and rollbacks, and lines without a kind written by
     * older versions); stop, start, restart, release command and lock lines act on what is there
     * and never move the stack.
     */
    static boolean activation(LedgerEntry entry) {
        return entry.kind() == null || "deploy".equals(entry.kind()) || "rollback".equals(entry.kind());
    }

    private static void truncate(List<String> list, int size) {
        while (list.size() > size) {
            list.remove(list.size() - 1);
        }
    }
}
