package org.stageboard.catalog;

import java.nio.file.Path;
import java.util.List;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;

/** Run in a second JVM by {@link CatalogTest}: opens the same catalog, reads and writes. */
public final class CatalogProbe {
    public static void main(String[] args) {
        try (Catalog catalog = Catalog.open(Path.of(args[0]))) {
            System.out.println("projects: " + String.join(",", catalog.projects().all().stream().map(Project::name).toList()));
            catalog.projects().add("from-other-process", Path.of(args[0]), "main", new Recipe("true", List.of("**")));
        }
    }
}
