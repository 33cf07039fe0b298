package com.firesync.runtime;

/**
 * A setting whose value FireSync cannot use: start-up stops and the message names the setting.
 */
class InvalidSettingException extends RuntimeException {

    private final String variable;

    private final String expectation;

    InvalidSettingException(String variable, String value, String expectation) {
        super("Invalid value '" + value + "' for setting " + variable + ": expected " + expectation + ".");
        this.variable = variable;
        this.expectation = expectation;
    }

    String variable() {
        return variable;
    }

    String expectation() {
        return expectation;
    }
}
