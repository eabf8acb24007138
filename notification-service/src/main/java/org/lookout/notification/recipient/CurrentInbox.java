package org.lookout.notification.recipient;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;

/** The inbox of the current request's caller ({@link CallerAddresses}), from the verified token. */
@RequestScoped
public class CurrentInbox {

    private final CurrentCaller caller;
    private final JsonWebToken token;
    private final CallerAddresses addresses;

    CurrentInbox(CurrentCaller caller, JsonWebToken token, CallerAddresses addresses) {
        this.caller = caller;
        this.token = token;
        this.addresses = addresses;
    }

    public InboxOwner owner() {
        return addresses.of(caller.get(), token.getClaim("preferred_username"));
    }

    public Caller caller() {
        return caller.get();
    }

    /** The email address the token vouches for (verified by the identity provider), else null. */
    public String verifiedEmail() {
        Object verified = token.getClaim("email_verified");
        boolean isVerified = verified instanceof Boolean flag ? flag
                : verified != null && "true".equalsIgnoreCase(verified.toString());
        return isVerified ? token.getClaim("email") : null;
    }
}
