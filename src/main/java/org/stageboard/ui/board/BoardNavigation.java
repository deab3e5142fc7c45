package org.stageboard.ui.board;

import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.CommitInfo;

/**
 * Keyboard moves on the board: up and down within a lane, left and right to the next lane that
 * has something (to the first item of the selection's journey there, else its first item). The
 * lanes, in order: commits, builds, releases (row after row), hosts (row after row).
 */
final class BoardNavigation {

    private final BoardViewModel board;

    BoardNavigation(BoardViewModel board) {
        this.board = board;
    }

    void move(BoardViewModel.Direction direction) {
        List<List<Object>> columns = columns();
        int column = currentColumn();
        List<Object> items = columns.get(column);
        Object current = currentItem(column);
        int index = current == null ? -1 : indexOf(items, current);
        switch (direction) {
            case UP, DOWN -> {
                if (items.isEmpty()) {
                    return;
                }
                int next = index < 0 ? 0 : Math.max(0, Math.min(items.size() - 1, index + (direction == BoardViewModel.Direction.UP ? -1 : 1)));
                select(items.get(next));
            }
            case LEFT, RIGHT -> {
                int step = direction == BoardViewModel.Direction.LEFT ? -1 : 1;
                for (int c = column + step; c >= 0 && c < columns.size(); c += step) {
                    List<Object> target = columns.get(c);
                    if (!target.isEmpty()) {
                        select(target.stream().filter(this::inJourney).findFirst().orElse(target.get(0)));
                        return;
                    }
                }
            }
        }
    }

    private List<List<Object>> columns() {
        List<List<Object>> columns = new ArrayList<>();
        columns.add(new ArrayList<>(board.commits()));
        columns.add(new ArrayList<>(board.cards(Lane.BUILD)));
        columns.add(new ArrayList<>(board.releaseRows().stream().flatMap(r -> r.cards().stream()).toList()));
        columns.add(new ArrayList<>(board.hosts().stream().flatMap(r -> r.slots().stream()).toList()));
        return columns;
    }

    private int currentColumn() {
        if (board.selectedSlotProperty().get() != null) {
            return 3;
        }
        Card card = board.selectedCardProperty().get();
        if (card != null) {
            return card.lane() == Lane.BUILD ? 1 : card.lane() == Lane.RELEASE ? 2 : 3;
        }
        return 0;
    }

    private Object currentItem(int column) {
        return switch (column) {
            case 0 -> board.selectedCommitInfo().orElse(null);
            case 3 -> board.selectedSlotProperty().get();
            default -> board.selectedCardProperty().get();
        };
    }

    private static int indexOf(List<Object> items, Object item) {
        for (int i = 0; i < items.size(); i++) {
            Object candidate = items.get(i);
            if (candidate.equals(item) || candidate instanceof Card c && item instanceof Card d && c.sameAs(d)
                    || candidate instanceof HostSlot s && item instanceof HostSlot t && s.key().equals(t.key())) {
                return i;
            }
        }
        return -1;
    }

    private boolean inJourney(Object item) {
        if (item instanceof CommitInfo commit) {
            return board.highlightOfCommit(commit.sha()) == Highlight.IN_JOURNEY;
        }
        if (item instanceof Card card) {
            return board.highlightOf(card) == Highlight.IN_JOURNEY;
        }
        return item instanceof HostSlot slot && board.highlightOf(slot) == Highlight.IN_JOURNEY;
    }

    private void select(Object item) {
        if (item instanceof CommitInfo commit) {
            board.selectCard(null);
            board.selectCommit(commit.sha());
        } else if (item instanceof Card card) {
            board.selectCard(card);
        } else if (item instanceof HostSlot slot) {
            board.selectSlot(slot);
        }
    }
}
