package io.ticketing.app;

/**
 * A setting that cannot be used. Its message is one line naming the setting and what is wrong with
 * it; {@link Main} prints exactly that and exits with status 2, never a stack trace.
 */
public final class BadSettingException extends RuntimeException {

    private final String setting;

    public BadSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
