package io.dmpilot.analytics.paths;

import io.dmpilot.contracts.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario transitions within conversations over a window: {@code matrix[i][j]} counts moves from
 * {@code scenarios[i]} to {@code scenarios[j]} (the diagonal: the next message stayed in the scenario).
 * Every scenario is a row and a column, zero or not, so heat maps of different periods line up.
 */
public record PathMatrix(String accountOpenId, String from, String to, List<String> scenarios, long[][] matrix) {

    public record Transition(String from, String to, long count) {}

    public static PathMatrix of(String account, String from, String to, List<Transition> transitions) {
        List<String> scenarios =
                Arrays.stream(Scenario.values()).map(Enum::name).toList();
        long[][] matrix = new long[scenarios.size()][scenarios.size()];
        for (Transition t : transitions) {
            int row = scenarios.indexOf(t.from());
            int column = scenarios.indexOf(t.to());
            // a scenario this version does not know (added later) cannot be placed; it is left out
            if (row >= 0 && column >= 0) matrix[row][column] += t.count();
        }
        return new PathMatrix(account, from, to, scenarios, matrix);
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("from\\to");
        scenarios.forEach(s -> csv.append(',').append(s));
        csv.append('\n');
        for (int i = 0; i < scenarios.size(); i++) {
            csv.append(scenarios.get(i));
            for (long count : matrix[i]) csv.append(',').append(count);
            csv.append('\n');
        }
        return csv.toString();
    }

    public List<Transition> transitions() {
        List<Transition> list = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            for (int j = 0; j < scenarios.size(); j++) {
                if (matrix[i][j] > 0) list.add(new Transition(scenarios.get(i), scenarios.get(j), matrix[i][j]));
            }
        }
        return list;
    }
}
