{#-
    raw_loaded_at_query(name): the query `dbt source freshness` runs for raw relation
    `name` (its loaded_at_query): the newest time a row landed, loaded_at, or occurred_at
    where loaded_at is empty, parsed as staging parses them (UTC). Times that do not
    parse, and times staging rejects as future_timestamp (after future_cutoff()), are
    left out: one row stamped years ahead must not make stale data look fresh. It reads the relation where the build reads it (raw_relation):
    files, a table or a host model.
-#}
{% macro raw_loaded_at_query(name) -%}
    select max(landed_at)
    from (
        select coalesce(
            {{ to_utc_timestamp('loaded_at_text') }},
            {{ to_utc_timestamp('occurred_at_text') }}) as landed_at
        from (
            select
                {{ clean_text('loaded_at') }} as loaded_at_text,
                {{ clean_text('occurred_at') }} as occurred_at_text
            from {{ raw_relation(name) }} as raw_rows
        ) as texts
    ) as landed
    where landed_at <= {{ future_cutoff() }}
{%- endmacro %}
