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
import org.stageboard.core.StageboardException;

/** Projects: repositories on disk with their build recipe. */
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
        long id = jdbc.insert("INSERT INTO projects(name, repository, branch, build_command, artifact_globs, created_at) VALUES (?,?,?,?,?,?)",
                name, repository.toAbsolutePath().normalize().toString(), branch, recipe.command(), recipe.globsText(), now);
        return get(id);
    }

    public Project updateRecipe(long id, String branch, Recipe recipe) {
        jdbc.update("UPDATE projects SET branch = ?, build_command = ?, artifact_globs = ? WHERE id = ?",
                branch, recipe.command(), recipe.globsText(), id);
        return get(id);
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

    static Project map(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("name"), Path.of(rs.getString("repository")), rs.getString("branch"),
                new Recipe(rs.getString("build_command"), Recipe.parseGlobs(rs.getString("artifact_globs"))),
                Jdbc.instant(rs, "created_at"));
    }
}
