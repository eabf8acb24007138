package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The possible-duplicates query runs in the database function {@code possible_duplicates} (V67), which asks PostgreSQL
 * for its generic plan: planned once per connection, not at every intake. The generic plan must still be the one a
 * custom plan would choose, the newest open reports of the item read backwards from {@code report_open_by_item} up to
 * the limit: this test prepares the function's own query (read from the catalogue, its arguments as parameters) and
 * explains its generic plan under the function's own settings. Without {@code enable_bitmapscan = off} among them the
 * plan is a bitmap scan of every open report of the item in the window, then a sort.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class PossibleDuplicatesPlanTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\bp_[a-z_]+\\b");

    @Inject
    Pool pool;

    /** What the catalogue holds of the function: its query, its arguments in order and their types, its settings. */
    private record Function(String query, List<String> arguments, String types, List<String> settings) {
    }

    @Test
    void theFunctionAsksForTheGenericPlan() {
        assertThat(function().settings()).contains("plan_cache_mode=force_generic_plan");
    }

    @Test
    void itsGenericPlanReadsTheNewestOpenReportsOfTheItemFromTheirIndex() {
        String resident = Tokens.resident("dup-plan", "HPL");
        submit(resident, report("sanitation", "HPL", "APP")).statusCode(201);
        Function function = function();
        String prepare = prepared(function);
        String settings = String.join("; ", function.settings().stream().map(setting -> setting.split("=", 2))
                .map(setting -> "set local " + setting[0] + " = '" + setting[1] + "'").toList());
        String columns = pool.query("""
                select string_agg(column_name, ', ' order by ordinal_position) as columns from information_schema.columns
                 where table_name = 'report' and is_generated = 'NEVER'""").execute().await().indefinitely().iterator()
                .next().getString("columns");

        // a year of a street in one transaction, rolled back: copies of that report in every community, item and
        // state, so that the planner's statistics look like a city's rather than a test's handful of rows
        List<String> plan = pool.withConnection(connection -> connection.query("begin").execute()
                .chain(() -> connection.query("""
                        insert into report (%1$s)
                        select %1$s from (select (jsonb_populate_record(r, jsonb_build_object(
                                   'id', gen_random_uuid(),
                                   'tracking_number', 'PLAN-' || g,
                                   'community_code', c.codes[1 + g %% cardinality(c.codes)],
                                   'item_code', i.codes[1 + g %% cardinality(i.codes)],
                                   'status', case when g %% 10 < 8 then 'CLOSED' else 'RECEIVED' end,
                                   'received_at', now() - (g %% 8760) * interval '1 hour'))).*
                          from report r, generate_series(1, 8000) g,
                               (select array_agg(code order by code) as codes from community) c,
                               (select array_agg(code order by code) as codes from taxonomy_item) i
                         where r.tracking_number = (select max(tracking_number) from report
                                                     where community_code = 'HPL')) copies""".formatted(columns))
                        .execute())
                .chain(() -> connection.query("analyze report").execute())
                .chain(() -> connection.query(settings).execute())
                .chain(() -> connection.query(prepare).execute())
                .chain(() -> connection.query("explain execute possible_duplicates_plan"
                        + " ('HPL', 'sanitation', now() - interval '14 days', gen_random_uuid(), 'block9', true,"
                        + " 39.8, 39.9, 116.3, 116.4, 10)").execute())
                .map(rows -> {
                    List<String> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(row.getString(0)));
                    return lines;
                })
                .call(() -> connection.query("deallocate possible_duplicates_plan").execute())
                .eventually(() -> connection.query("rollback").execute()))
                .await().indefinitely();

        assertThat(String.join("\n", plan)).as("generic plan:\n%s", String.join("\n", plan))
                .contains("Index Scan Backward using report_open_by_item on report")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
    }

    private Function function() {
        Row row = pool.query("""
                select prosrc, array_to_string(proargnames[1:pronargs], ',') as names,
                       oidvectortypes(proargtypes) as types, array_to_string(proconfig, ',') as settings
                  from pg_proc where proname = 'possible_duplicates'""").execute().await().indefinitely().iterator()
                .next();
        String source = row.getString("prosrc");
        String query = source.substring(source.indexOf("return query") + "return query".length(), source.lastIndexOf(';'));
        return new Function(query, List.of(row.getString("names").split(",")), row.getString("types"),
                row.getString("settings") == null ? List.of() : List.of(row.getString("settings").split(",")));
    }

    /** PREPARE of the query, each of the function's arguments the parameter of its position, of its declared type. */
    private static String prepared(Function function) {
        Matcher matcher = ARGUMENT.matcher(function.query());
        StringBuilder numbered = new StringBuilder();
        while (matcher.find()) {
            int position = function.arguments().indexOf(matcher.group());
            assertThat(position).as("argument %s declared", matcher.group()).isNotNegative();
            matcher.appendReplacement(numbered, "\\$" + (position + 1));
        }
        matcher.appendTail(numbered);
        return "prepare possible_duplicates_plan (" + function.types() + ") as " + numbered;
    }
}
