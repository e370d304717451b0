package org.kaifang.accounts;

/**
 * A token just issued, with its secret: the only time the secret exists outside the client that receives it. Send it
 * as {@code Authorization: Bearer kf_…}.
 */
public record IssuedApiToken(ApiToken token, String secret) {

    /** Never shows the secret, so that the value can be logged. */
    @Override
    public String toString() {
        return "IssuedApiToken[" + token + "]";
    }
}
