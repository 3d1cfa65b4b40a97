package io.dmpilot.kit.auth;

/** A key just issued: the only moment its secret exists outside its holder. */
public record IssuedKey(ApiKey key, KeyRecord record) {
    @Override
    public String toString() {
        return "IssuedKey[" + record + "]";
    }
}
