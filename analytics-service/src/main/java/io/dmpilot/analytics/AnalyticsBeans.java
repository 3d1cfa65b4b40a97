package io.dmpilot.analytics;

import io.dmpilot.analytics.keywords.WordSegmenter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The framework-free pieces as beans: one segmenter (its dictionary takes a second and ~30 MB to load). */
public class AnalyticsBeans {
    @Produces
    @Singleton
    WordSegmenter wordSegmenter() {
        return new WordSegmenter();
    }

    @Produces
    @Singleton
    EventRecordings eventRecordings(WordSegmenter segmenter) {
        return new EventRecordings(segmenter);
    }
}
