package io.dmpilot.rules.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * BAAI bge-small-zh-v1.5 (512 dimensions, CLS pooling) run in-process by ONNX Runtime; the model and its
 * tokenizer ship inside the langchain4j Maven artifact, nothing is downloaded. Unlike the artifact's own
 * {@code BgeSmallZhV15EmbeddingModel}, the session is opened from a file copied once to the temp directory
 * (no 95 MB byte array on the heap), without ONNX Runtime's memory arena, and with a fixed number of
 * intra-op threads: measured, that takes the model's resident cost from ~460 MB to ~145 MB (see
 * docs/benchmarks/rules-engines.md). Thread-safe: one instance serves every caller.
 */
public final class BgeSmallZhEncoder implements SentenceEncoder, AutoCloseable {
    public static final int DIMENSIONS = 512;
    private static final String MODEL = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-tokenizer.json";

    private final OrtSession session;
    private final Model model;

    /** @param intraOpThreads threads ONNX Runtime uses inside one encoding (1: parallelism comes from callers) */
    public BgeSmallZhEncoder(int intraOpThreads) {
        try (InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setCPUArenaAllocator(false);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            session = env.createSession(modelFile().toString(), options);
            model = new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public float[] encode(String text) {
        return Vectors.unit(model.embed(text == null ? "" : text).content().vector());
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private static Path modelFile() throws IOException {
        Path file = Files.createTempFile("dmpilot-bge-small-zh-", ".onnx");
        file.toFile().deleteOnExit();
        try (InputStream in = resource(MODEL)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static InputStream resource(String name) {
        InputStream in = BgeSmallZhEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is not on the class path");
        return in;
    }

    /** langchain4j's in-process model over our own session; encodes on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
