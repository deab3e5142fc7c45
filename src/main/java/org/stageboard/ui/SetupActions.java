package org.stageboard.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.ui.dialog.AttachHostDialog;
import org.stageboard.ui.dialog.Choices;
import org.stageboard.ui.dialog.ConfigDialog;
import org.stageboard.ui.dialog.RunSettingsDialog;
import org.stageboard.ui.dialog.HostDialog;
import org.stageboard.ui.dialog.SetupViewModel;
import org.stageboard.ui.dialog.TrustHostKeyDialog;
import org.stageboard.ui.wizard.EnvironmentWizard;
import org.stageboard.ui.wizard.EnvironmentWizardModel;
import org.stageboard.ui.wizard.ProjectWizard;
import org.stageboard.ui.wizard.ProjectWizardModel;

/** The set-up commands of the toolbar and its menus: which wizard or dialog opens, and what the board says after. */
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
        chooseEnvironment("Run settings").ifPresent(environment -> RunSettingsDialog.show(window.get(), environment, setup, model.executor())
                .ifPresent(updated -> {
                    model.notify(Notice.info(updated.name() + "'s next releases will run with the new settings; make a release to use them."));
                    model.refresh();
                }));
    }

    void addHost() {
        HostDialog.show(window.get(), setup, model.executor()).ifPresent(host -> {
            Optional<Host> trusted = TrustHostKeyDialog.show(window.get(), host, setup, model.executor());
            trusted.ifPresent(h -> model.notify(Notice.info("The key of " + h.name() + " is trusted.")));
            if (!model.environments().isEmpty()) {
                attachHost(trusted.orElse(host));
            }
        });
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

    private Project requireProject() {
        Project project = model.projectProperty().get();
        if (project == null) {
            model.notify(Notice.warning("Add a project first: Add project… in the toolbar."));
        }
        return project;
    }
}
