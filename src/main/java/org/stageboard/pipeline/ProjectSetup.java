package org.stageboard.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.StageboardException;
import org.stageboard.git.GitRepository;

/**
 * Adding, changing and removing projects (the codebase stage's set-up), each checked against the
 * repository and the catalog and recorded in the project's history. Behind {@link Stageboard}'s
 * {@code addProject}, {@code updateProject} and {@code removeProject}.
 */
final class ProjectSetup {

    private final Catalog catalog;
    private final Audit audit;

    ProjectSetup(Catalog catalog, Audit audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Adds a project for a local git repository; fails clearly if the folder is not one. */
    Project add(String name, Path repository, String branch, Recipe recipe) {
        Project.requireSlug("project", name);
        if (catalog.projects().find(name).isPresent()) {
            throw new StageboardException("A project named '" + name + "' already exists: pick another name.");
        }
        String chosenBranch;
        try (GitRepository git = GitRepository.open(repository)) {
            chosenBranch = branch == null || branch.isBlank() ? git.currentBranch() : branch.strip();
            if (chosenBranch == null) {
                throw new StageboardException("The repository " + repository + " has no current branch: name the branch to follow.");
            }
            if (!git.hasBranch(chosenBranch)) {
                throw new StageboardException("The repository " + repository + " has no branch '" + chosenBranch
                        + "' (or it has no commits yet): commit first, or name an existing branch.");
            }
            git.commits(chosenBranch, 1);
        }
        Project project = catalog.projects().add(name, repository, chosenBranch, recipe);
        audit.record(name, "project.add", name, "ok", "repository " + project.repository() + ", branch " + chosenBranch);
        return project;
    }

    /**
     * Changes a project: its name, repository folder, branch and recipe ({@code null} keeps a
     * field as it is). The repository must be a git repository with the branch; a new name must
     * be free, and is refused once the project was deployed (its hosts keep its folders under the
     * old name). Recorded in the project's history.
     */
    Project update(Project project, String newName, Path repository, String branch, Recipe recipe) {
        Project current = catalog.projects().get(project.id());
        String name = newName == null ? current.name() : Project.requireSlug("project", newName.strip());
        Path repo = repository == null ? current.repository() : repository;
        String chosenBranch = branch == null || branch.isBlank() ? current.branch() : branch.strip();
        Recipe chosenRecipe = recipe == null ? current.recipe() : recipe;
        if (!name.equals(current.name())) {
            int runs = catalog.projects().counts(current.id()).runs();
            if (runs > 0) {
                throw new StageboardException("Project " + current.name() + " cannot be renamed: it was deployed (" + runs
                        + " runs) and its hosts keep its releases under the name '" + current.name()
                        + "'; a new name would start a second copy of the app beside the running one. Keep the name.");
            }
        }
        if (repository != null || branch != null) {
            try (GitRepository git = GitRepository.open(repo)) {
                if (!git.hasBranch(chosenBranch)) {
                    throw new StageboardException("The repository " + repo + " has no branch '" + chosenBranch
                            + "' (or it has no commits yet): name an existing branch.");
                }
            }
        }
        List<String> changes = new java.util.ArrayList<>();
        if (!name.equals(current.name())) {
            changes.add("name " + current.name() + " -> " + name);
        }
        if (!repo.toAbsolutePath().normalize().equals(current.repository().toAbsolutePath().normalize())) {
            changes.add("repository " + current.repository() + " -> " + repo.toAbsolutePath().normalize());
        }
        if (!chosenBranch.equals(current.branch())) {
            changes.add("branch " + current.branch() + " -> " + chosenBranch);
        }
        if (!chosenRecipe.equals(current.recipe())) {
            changes.add("recipe: " + chosenRecipe.describe().strip().replace("\n", "; "));
        }
        Project updated = catalog.projects().update(current.id(), name, repo, chosenBranch, chosenRecipe);
        if (!name.equals(current.name())) {
            catalog.events().renameProject(current.name(), name);
        }
        if (!name.equals(current.name()) && catalog.setting(Stageboard.DEFAULT_PROJECT).flatMap(catalog.projects()::find).isEmpty()
                && catalog.setting(Stageboard.DEFAULT_PROJECT).filter(current.name()::equals).isPresent()) {
            catalog.setSetting(Stageboard.DEFAULT_PROJECT, name);
        }
        audit.record(name, "project.edit", name, "ok", changes.isEmpty() ? "nothing changed" : String.join(", ", changes));
        return updated;
    }

    /**
     * Removes a project. Refused while it has environments (they are named: remove them first);
     * with builds, refused unless {@code force}, saying how many builds and artifacts would go.
     * Its audit trail stays.
     */
    void remove(Project project, boolean force) {
        Project current = catalog.projects().get(project.id());
        List<Environment> environments = catalog.environments().forProject(current.id());
        if (!environments.isEmpty()) {
            throw new StageboardException("Project " + current.name() + " still has environments ("
                    + String.join(", ", environments.stream().map(Environment::name).toList())
                    + "): remove them first ('stageboard env remove ENV -p " + current.name() + "'), which says what their history holds.");
        }
        int builds = catalog.projects().counts(current.id()).builds();
        if (builds > 0 && !force) {
            throw new org.stageboard.core.ForceNeededException("Project " + current.name() + " has " + builds + " builds; removing it deletes their records and"
                    + " artifacts for good. To go ahead, remove it with --force.");
        }
        List<Path> files = catalog.projects().remove(current.id());
        for (Path file : files) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // the store's prune finds it later; the record is gone
            }
        }
        if (catalog.setting(Stageboard.DEFAULT_PROJECT).filter(current.name()::equals).isPresent()) {
            catalog.setSetting(Stageboard.DEFAULT_PROJECT, null);
        }
        audit.record(current.name(), "project.remove", current.name(), "ok", builds + " builds and " + files.size() + " artifacts removed");
    }
}
