package org.stageboard.core;

/**
 * What a repository looks like it is built with: the kind ({@code maven}, {@code gradle},
 * {@code npm}, {@code yarn}, {@code pnpm}, {@code go}, {@code python}, {@code static}), why
 * (the files that were found), and the recipe proposed for it — for the user to confirm or edit.
 */
public record DetectedRecipe(String kind, String reason, Recipe recipe) {
}
