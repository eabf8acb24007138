package org.lookout.notification.template;

/** A rule names a template that does not exist in a language, or renders a title or body with nothing in it. */
public class MissingTemplateException extends IllegalStateException {

    public MissingTemplateException(String message) {
        super(message);
    }
}
