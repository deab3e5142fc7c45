package org.stageboard.ui.dialog;

import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;
import org.stageboard.ui.FieldMarks;

/** Binds a host dialog's address, SSH port, user and base folder fields to its {@link HostForm}, each marked with its problem as typed. */
final class HostFormFields {

    private HostFormFields() {
    }

    static void bind(HostForm model, ValidationSupport validation, TextField address, TextField port, TextField user, TextField baseDir) {
        address.textProperty().bindBidirectional(model.addressProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        baseDir.textProperty().bindBidirectional(model.baseDirProperty());
        FieldMarks.register(validation, address, model::addressProblem);
        FieldMarks.register(validation, port, model::portProblem);
        FieldMarks.register(validation, user, model::userProblem);
        FieldMarks.register(validation, baseDir, model::baseDirProblem);
    }
}
