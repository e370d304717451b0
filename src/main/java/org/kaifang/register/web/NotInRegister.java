package org.kaifang.register.web;

/** Asked for a licence the register does not have: 404. */
class NotInRegister extends RuntimeException {

    NotInRegister(String message) {
        super(message);
    }
}
