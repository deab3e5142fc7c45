package org.stageboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "project", description = "Add or list projects (a local git repository plus its build recipe).",
        subcommands = {ProjectCommand.Add.class, ProjectCommand.ListProjects.class})
final class ProjectCommand {

    @Command(name = "add", description = "Add a project for a local git repository.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "Project name (lower-case letters, digits, '.', '_', '-').")
        String name;

        @Option(names = "--repo", required = true, paramLabel = "PATH", description = "Folder of the git repository.")
        Path repo;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch to follow (default: the repository's current branch).")
        String branch;

        @Option(names = "--build-command", required = true, paramLabel = "CMD",
                description = "Shell command that builds a clean export of a commit, e.g. './mvnw -q package -DskipTests'.")
        String command;

        @Option(names = "--artifacts", required = true, paramLabel = "GLOBS",
                description = "Comma-separated globs of the files to pack, relative to the repository root, e.g. 'target/*.jar'.")
        String globs;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Project project = context.engine().addProject(name, repo, branch, new Recipe(command, Recipe.parseGlobs(globs)));
            context.out().println("added project " + project.name() + " (" + project.repository() + ", branch " + project.branch() + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List projects.")
    static final class ListProjects implements Callable<Integer> {
        private final CliContext context;

        ListProjects(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            for (Project p : context.engine().projects()) {
                context.out().println(p.name() + "  " + p.repository() + "  branch " + p.branch() + "  build: " + p.recipe().command()
                        + "  artifacts: " + p.recipe().globsText());
            }
            return 0;
        }
    }
}
