package org.stageboard.catalog;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeJson;
import org.stageboard.core.StageboardException;

/** Projects: repositories on disk with their build recipe (steps, artifact globs, variables, caches). */
public final class ProjectRepository {
    private final Jdbc jdbc;

    ProjectRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Project add(String name, Path repository, String branch, Recipe recipe) {
        if (find(name).isPresent()) {
            throw new StageboardException("A project named '" + name + "' already exists: pick another name.");
        }
        Instant now = Instant.now();
        long id = jdbc.insert("INSERT INTO projects(name, repository, branch, build_command, artifact_globs, recipe, created_at) VALUES (?,?,?,?,?,?,?)",
                name, repository.toAbsolutePath().normalize().toString(), branch, columnText(recipe.command()), recipe.globsText(), recipeJson(recipe), now);
        return get(id);
    }

    public Project updateRecipe(long id, String branch, Recipe recipe) {
        jdbc.update("UPDATE projects SET branch = ?, build_command = ?, artifact_globs = ?, recipe = ? WHERE id = ?",
                branch, columnText(recipe.command()), recipe.globsText(), recipeJson(recipe), id);
        return get(id);
    }

    /**
     * Changes a project's name, repository, branch and recipe. A new name carries the project's
     * audit trail along (its events are filed under the new name).
     */
    public Project update(long id, String name, Path repository, String branch, Recipe recipe) {
        Project before = get(id);
        if (!before.name().equals(name) && find(name).isPresent()) {
            throw new StageboardException("A project named '" + name + "' already exists: pick another name.");
        }
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE projects SET name = ?, repository = ?, branch = ?, build_command = ?, artifact_globs = ?, recipe = ? WHERE id = ?",
                    name, repository.toAbsolutePath().normalize().toString(), branch, columnText(recipe.command()), recipe.globsText(),
                    recipeJson(recipe), id);
            if (!before.name().equals(name)) {
                Jdbc.update(c, "UPDATE events SET project = ? WHERE project = ?", name, before.name());
            }
            return null;
        });
        return get(id);
    }

    /** How many builds, environments and runs the project has: what a removal would lose. */
    public Counts counts(long id) {
        return jdbc.queryOne("SELECT (SELECT COUNT(*) FROM builds WHERE project_id = ?), (SELECT COUNT(*) FROM environments WHERE project_id = ?),"
                        + " (SELECT COUNT(*) FROM runs r JOIN releases l ON r.release_id = l.id JOIN environments e ON l.environment_id = e.id"
                        + " WHERE e.project_id = ?)",
                rs -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)), id, id, id).orElseThrow();
    }

    /** What a project has. */
    public record Counts(int builds, int environments, int runs) {
    }

    /**
     * Removes the project with its builds, their steps and its artifacts' records (the caller has
     * checked it has no environments left); returns the artifact files it no longer needs.
     */
    public List<Path> remove(long id) {
        return jdbc.inTransaction(c -> {
            List<Path> files = Jdbc.query(c, "SELECT path FROM artifacts WHERE project_id = ?", rs -> Path.of(rs.getString(1)), id);
            Jdbc.update(c, "DELETE FROM build_steps WHERE build_id IN (SELECT id FROM builds WHERE project_id = ?)", id);
            Jdbc.update(c, "DELETE FROM builds WHERE project_id = ?", id);
            Jdbc.update(c, "DELETE FROM artifacts WHERE project_id = ?", id);
            Jdbc.update(c, "DELETE FROM commits WHERE project_id = ?", id);
            Jdbc.update(c, "DELETE FROM projects WHERE id = ?", id);
            return files;
        });
    }

    public Project get(long id) {
        return jdbc.queryOne("SELECT * FROM projects WHERE id = ?", ProjectRepository::map, id)
                .orElseThrow(() -> new NotFoundException("No project with id " + id + "."));
    }

    public Optional<Project> find(String name) {
        return jdbc.queryOne("SELECT * FROM projects WHERE name = ?", ProjectRepository::map, name);
    }

    public Project require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("No project named '" + name
                + "'. Add it with 'stageboard project add', or list them with 'stageboard project list'."));
    }

    public List<Project> all() {
        return jdbc.query("SELECT * FROM projects ORDER BY name", ProjectRepository::map);
    }

    /** The command column holds up to 4000 characters; the whole recipe is in the JSON column. */
    private static String columnText(String command) {
        return command.length() <= 4000 ? command : command.substring(0, 3997) + "...";
    }

    /** The plain form (one command) stays in its two columns only; any other recipe is also kept whole as JSON. */
    private static String recipeJson(Recipe recipe) {
        return recipe.plain() ? null : RecipeJson.write(recipe);
    }

    static Project map(ResultSet rs) throws SQLException {
        String json = rs.getString("recipe");
        Recipe recipe = json == null
                ? new Recipe(rs.getString("build_command"), Recipe.parseGlobs(rs.getString("artifact_globs")))
                : RecipeJson.parse(json, "the recipe of project " + rs.getString("name") + " in the catalog");
        return new Project(rs.getLong("id"), rs.getString("name"), Path.of(rs.getString("repository")), rs.getString("branch"),
                recipe, Jdbc.instant(rs, "created_at"));
    }
}
