package io.dmpilot.testing;

/** The addresses of the local stack, read from the same environment variables the services read. */
public final class LocalAddresses {
    public static String kafka() {
        return TestServices.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    public static String redis() {
        return TestServices.env("REDIS_URL", "redis://127.0.0.1:6379");
    }

    public static String postgres() {
        return TestServices.env("PG_URL", "postgresql://127.0.0.1:5432/dmpilot");
    }

    private LocalAddresses() {}
}
