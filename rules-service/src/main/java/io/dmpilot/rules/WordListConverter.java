package io.dmpilot.rules;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A list of keywords in one text column, one per line (the API refuses keywords holding a line break). */
@Converter
public class WordListConverter implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> words) {
        return words == null ? "" : String.join("\n", words);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n", -1));
    }
}
