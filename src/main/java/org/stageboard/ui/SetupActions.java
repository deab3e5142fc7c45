package org.stageboard.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.stageboard.core.StageboardException;
import org.stageboard.ui.dialog.AttachHostDialog;
import org.stageboard.ui.dialog.Choices;
import org.stageboard.ui.dialog.ConfigDialog;
import org.stageboard.ui.dialog.Confirm;
import org.stageboard.ui.dialog.HostAddDialog;
import org.stageboard.ui.dialog.HostAddModel;
import org.stageboard.ui.dialog.EnvironmentRenameDialog;
import org.stageboard.ui.dialog.EnvironmentRenameModel;
import org.stageboard.ui.dialog.HostEditDialog;
import org.stageboard.ui.dialog.HostEditModel;
import org.stageboard.ui.dialog.ProjectEditDialog;
import org.stageboard.ui.dialog.ProjectEditModel;
import org.stageboard.ui.dialog.Removal;
import org.stageboard.ui.dialog.RunSettingsDialog;
import org.stageboard.ui.dialog.SetupViewModel;
import org.stageboard.ui.dialog.TrustHostKeyDialog;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;
import org.stageboard.ui.wizard.ProjectWizard;
import org.stageboard.ui.wizard.ProjectWizardModel;
import org.stageboard.ui.tips.Tips;

/**
 * The set-up commands of the toolbar and its menus: which wizard or dialog opens, and what the
 * board says after. Adding, editing and removing projects, environments and hosts; engine work
 * runs in the background.
 */
final class SetupActions {

    private final MainViewModel model;
    private final SetupViewModel setup;
    private final Supplier<Window> window;

    SetupActions(MainViewModel model, SetupViewModel setup, Supplier<Window> window) {
        this.model = model;
        this.setup = setup;
        this.window = window;
    }

    void addProject() {
        ProjectWizard.show(window.get(), new ProjectWizardModel(model.engine()), MainWindow.STYLESHEET).ifPresent(project -> {
            model.notify(Notice.info("Project " + project.name() + " added: select a commit and click Build."));
            model.reloadProjects(project.name());
        });
    }

    void addEnvironment() {
        Project project = requireProject();
        if (project == null) {
            return;
        }
        EnvironmentWizardModel wizard = new EnvironmentWizardModel(model.engine(), project, System.getProperty("user.name", ""));
        Optional<Environment> added = EnvironmentWizard.show(window.get(), wizard, model.executor(), MainWindow.STYLESHEET,
                Path.of(System.getProperty("user.home"), ".ssh", "config"));
        if (added.isPresent()) {
            model.refresh();
            model.notify(Notice.info(added.get().name() + " added on host " + wizard.hostNameProperty().get()
                    + ": build a commit, then release it to " + added.get().name() + "."));
        } else if (!wizard.cancelNote().equals("Nothing was saved.")) {
            model.notify(Notice.info(wizard.cancelNote()));
        }
    }

    void editConfig() {
        chooseEnvironment("Edit config").ifPresent(environment -> ConfigDialog.show(window.get(), environment, setup, model.executor())
                .ifPresent(config -> model.notify(Notice.info(environment.name() + " now has " + config.label()
                        + ": the next release of " + environment.name() + " snapshots it."))));
    }

    void editRunSettings() {
        chooseEnvironment("Run settings").ifPresent(environment -> RunSettingsDialog.show(window.get(), environment, hostCount(environment),
                        setup, model.executor())
                .ifPresent(updated -> {
                    model.notify(Notice.info(updated.name() + "'s next releases will run with the new settings; make a release to use them."));
                    model.refresh();
                }));
    }

    void addHost() {
        model.executor().call(() -> HostAddModel.withDefaults(model.engine()),
                add -> HostAddDialog.show(window.get(), add, model.executor()).ifPresent(this::trustThenAttach), model::fail);
    }

    private void trustThenAttach(Host host) {
        Optional<Host> trusted = TrustHostKeyDialog.show(window.get(), host, setup, model.executor());
        trusted.ifPresent(h -> model.notify(Notice.info("The key of " + h.name() + " is trusted.")));
        if (!model.environments().isEmpty()) {
            attachHost(trusted.orElse(host));
        }
    }

    void trustHostKey() {
        model.executor().call(() -> setup.hosts(), hosts -> {
            if (hosts.isEmpty()) {
                model.notify(Notice.warning("No hosts yet: add one under Hosts ▸ Add host…"));
                return;
            }
            Choices.choose(window.get(), "Trust host key", "Which host's key do you want to check?", hosts,
                    h -> h.name() + "  (" + h.display() + ")")
                    .flatMap(host -> TrustHostKeyDialog.show(window.get(), host, setup, model.executor()))
                    .ifPresent(h -> model.notify(Notice.info("The key of " + h.name() + " is trusted.")));
        }, model::fail);
    }

    void attachHost(Host host) {
        if (requireProject() == null) {
            return;
        }
        if (model.environments().isEmpty()) {
            model.notify(Notice.warning("Add an environment first (Environments ▸ Add environment…)."));
            return;
        }
        AttachHostDialog.show(window.get(), model.environments(), host, setup, model.executor()).ifPresent(environment -> {
            model.notify(Notice.info("Host attached to " + environment.name() + "."));
            model.refresh();
        });
    }

    // --- menus -------------------------------------------------------------------------------

    /** The project menu beside Add project… (a pencil): edit and remove the shown project. */
    MenuButton projectMenu() {
        MenuButton menu = new MenuButton(null, new org.kordamp.ikonli.javafx.FontIcon("fth-edit-2"));
        menu.setId("projectMenu");
        menu.setAccessibleText("Edit or remove the project");
        Tips.text(menu, "Edit or remove the shown project: name, repository, branch, recipe.");
        menu.getItems().addAll(item("Edit project…", "editProjectItem", this::editProject),
                item("Remove project…", "removeProjectItem", this::removeProject));
        return menu;
    }

    /** The Environments menu's items for changing environments that exist. */
    List<MenuItem> environmentItems() {
        return List.of(item("Rename environment…", "renameEnvironmentItem", this::renameEnvironment),
                item("Detach host…", "detachHostItem", this::detachHost),
                item("Remove environment…", "removeEnvironmentItem", this::removeEnvironment));
    }

    /** The Hosts menu's items for changing hosts that exist. */
    List<MenuItem> hostItems() {
        return List.of(item("Edit host…", "editHostItem", this::editHost), item("Remove host…", "removeHostItem", this::removeHost));
    }

    // --- edit and remove ---------------------------------------------------------------------

    void editProject() {
        Project project = requireProject();
        if (project == null) {
            return;
        }
        model.executor().call(() -> new ProjectEditModel(model.engine(), model.engine().project(project.name())),
                edit -> ProjectEditDialog.show(window.get(), edit, model.executor()).ifPresent(updated -> {
                    model.notify(Notice.info("Project " + updated.name() + " saved: the next build uses it."));
                    model.reloadProjects(updated.name());
                }), model::fail);
    }

    void removeProject() {
        Project project = requireProject();
        if (project == null) {
            return;
        }
        remove("project " + project.name(), force -> model.engine().removeProject(project, force), () -> {
            model.notify(Notice.info("Project " + project.name() + " removed."));
            model.reloadProjects(null);
        });
    }

    void renameEnvironment() {
        chooseEnvironment("Rename environment").ifPresent(environment -> EnvironmentRenameDialog.show(window.get(),
                new EnvironmentRenameModel(model.engine(), environment, model.environments()), model.executor())
                .ifPresent(renamed -> {
                    model.notify(Notice.info(environment.name() + " is now " + renamed.name() + "."));
                    model.refresh();
                }));
    }

    void removeEnvironment() {
        chooseEnvironment("Remove environment").ifPresent(environment -> remove("environment " + environment.name(),
                force -> model.engine().removeEnvironment(environment, force), () -> {
                    model.notify(Notice.info("Environment " + environment.name() + " removed."));
                    model.refresh();
                }));
    }

    /** Chooses an environment and one of its hosts; asks, then stops running the environment there. */
    void detachHost() {
        chooseEnvironment("Detach host").ifPresent(environment -> model.executor().call(() -> model.engine().hosts(environment), hosts -> {
            if (hosts.isEmpty()) {
                model.notify(Notice.warning(environment.name() + " has no hosts attached."));
                return;
            }
            Choices.choose(window.get(), "Detach host", "Which host should stop running " + environment.name() + "?", hosts,
                    h -> h.name() + "  (" + h.display() + ")").ifPresent(host -> {
                        if (Confirm.ask(window.get(), "Detach host", "Detach " + host.name() + " from " + environment.name() + "?",
                                "Deploys of " + environment.name() + " no longer go to " + host.name() + ". What runs there now is left as it is"
                                        + " (stop it first if it should not keep running).", "Detach", "confirmDetach")) {
                            model.executor().call(() -> {
                                model.engine().detachHost(environment, host);
                                return host;
                            }, h -> {
                                model.notify(Notice.info(h.name() + " no longer runs " + environment.name() + "."));
                                model.refresh();
                            }, model::fail);
                        }
                    });
        }, model::fail));
    }

    void editHost() {
        chooseHost("Edit host").ifPresent(host -> HostEditDialog.show(window.get(), new HostEditModel(model.engine(), host), model.executor())
                .ifPresent(updated -> {
                    if (host.hostKeyFingerprint() != null && updated.hostKeyFingerprint() == null) {
                        model.notify(Notice.warning("Host " + updated.name() + " saved. Its address changed, so its host key is no longer"
                                + " trusted: you must trust the host again (Hosts ▸ Trust host key…) before the next deploy."));
                        TrustHostKeyDialog.show(window.get(), updated, setup, model.executor())
                                .ifPresent(h -> model.notify(Notice.info("Host " + h.name() + " saved; its new key is trusted.")));
                    } else {
                        model.notify(Notice.info("Host " + updated.name() + " saved."));
                    }
                    model.refreshAll();
                }));
    }

    void removeHost() {
        chooseHost("Remove host").ifPresent(host -> remove("host " + host.name(), force -> model.engine().removeHost(host, force), () -> {
            model.notify(Notice.info("Host " + host.name() + " removed."));
            model.refreshAll();
        }));
    }

    /**
     * Asks the engine to remove, in the background. Refused because something depends on it: the
     * engine's message says what. Refused until forced because history would be lost: asks, saying
     * what would be lost, then forces.
     */
    private void remove(String what, java.util.function.Consumer<Boolean> remove, Runnable done) {
        if (!Confirm.ask(window.get(), "Remove", "Remove " + what + "?", "Stageboard forgets " + what
                + ". What runs on hosts is left as it is. If something still depends on it, nothing is removed and you are told what.",
                "Remove", "confirmRemove")) {
            return;
        }
        model.executor().call(() -> Removal.attempt(remove), removal -> {
            switch (removal.outcome()) {
                case REMOVED -> done.run();
                case REFUSED -> Confirm.tell(window.get(), "Remove", "Cannot remove " + what, removal.message(), "removeRefused");
                case NEEDS_FORCE -> {
                    if (Confirm.ask(window.get(), "Remove", "Remove " + what + " and its history?", removal.lossText(),
                            "Remove anyway", "confirmForceRemove")) {
                        model.executor().call(() -> {
                            remove.accept(true);
                            return what;
                        }, w -> done.run(), model::fail);
                    }
                }
                default -> throw new StageboardException("unknown outcome " + removal.outcome());
            }
        }, model::fail);
    }

    private Optional<Host> chooseHost(String title) {
        List<Host> hosts = setup.hosts();
        if (hosts.isEmpty()) {
            model.notify(Notice.warning("No hosts yet: add one under Hosts ▸ Add host…"));
            return Optional.empty();
        }
        return Choices.choose(window.get(), title, "Which host?", hosts, h -> h.name() + "  (" + h.display() + ")");
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Optional<Environment> chooseEnvironment(String title) {
        if (requireProject() == null) {
            return Optional.empty();
        }
        List<Environment> environments = model.environments();
        if (environments.isEmpty()) {
            model.notify(Notice.warning("Add an environment first (Environments ▸ Add environment…)."));
            return Optional.empty();
        }
        if (environments.size() == 1) {
            return Optional.of(environments.get(0));
        }
        return Choices.choose(window.get(), title, "Which environment?", environments, Environment::name);
    }

    /** How many hosts the environment deploys to, as the board last read it (unknown before the board is read). */
    private java.util.OptionalInt hostCount(Environment environment) {
        org.stageboard.pipeline.BoardSnapshot snapshot = model.board().snapshotProperty().get();
        List<Long> hosts = snapshot == null ? null : snapshot.environmentHosts().get(environment.id());
        return snapshot == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(hosts == null ? 0 : hosts.size());
    }

    private Project requireProject() {
        Project project = model.projectProperty().get();
        if (project == null) {
            model.notify(Notice.warning("Add a project first: Add project… in the toolbar."));
        }
        return project;
    }
}
