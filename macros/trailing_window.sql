{#-
    Distinct members active in a trailing window (users active in the last 7 or 28 days),
    per group and day, in linear time instead of a range join.

    trailing_spans(relation, group_columns, member_column, window_days, counted_from=none):
    the body of a CTE. `relation` has one row per group, member and active day
    (date_day). A member active on day d counts on days d .. d + window_days - 1; each of
    its active days is cut short where its next active day takes over, so one member's
    spans never overlap. `counted_from` (a column of `relation`) moves a span's start to
    no earlier than that date; spans left empty are dropped.

    trailing_changes(spans, group_columns): the body of a CTE: per group and day, the
    change in the number of members counted (+1 where a span starts, -1 the day after it
    ends). A running sum of window_change over a group's days is the count on each day.
-#}
{% macro trailing_spans(relation, group_columns, member_column, window_days, counted_from=none) -%}
    {%- set groups = group_columns | join(', ') -%}
    {%- set last_day = "cast(" ~ dbt.dateadd('day', window_days - 1, 'date_day') ~ " as date)" -%}
    {%- set next_day = "lead(date_day) over (partition by " ~ groups ~ ", " ~ member_column
        ~ " order by date_day)" -%}
    select
        {{ groups }},
        span_start,
        span_end
    from (
        select
            {{ groups }},
            {%- if counted_from %}
            greatest(date_day, {{ counted_from }}) as span_start,
            {%- else %}
            date_day as span_start,
            {%- endif %}
            least(
                {{ last_day }},
                coalesce(cast({{ dbt.dateadd('day', -1, next_day) }} as date), {{ last_day }})
            ) as span_end
        from {{ relation }}
    ) as spans
    where span_end >= span_start
{%- endmacro %}

{% macro trailing_changes(spans, group_columns) -%}
    {%- set groups = group_columns | join(', ') -%}
    select
        {{ groups }},
        date_day,
        sum(change) as window_change
    from (
        select
            {{ groups }},
            span_start as date_day,
            1 as change
        from {{ spans }}
        union all
        select
            {{ groups }},
            cast({{ dbt.dateadd('day', 1, 'span_end') }} as date) as date_day,
            -1 as change
        from {{ spans }}
    ) as changes
    group by {{ groups }}, date_day
{%- endmacro %}

{#-
    trailing_counts(changes, days, group_columns, count_name): the body of a CTE: for
    every row of `days` (group columns and date_day), the running sum of the changes up
    to that day, as `count_name`. Change days outside `days` are summed but not returned.
-#}
{% macro trailing_counts(changes, days, group_columns, count_name) -%}
    {%- set groups = group_columns | join(', ') -%}
    select
        {{ groups }},
        date_day,
        {{ count_name }}
    from (
        select
            {%- for column in group_columns %}
            keyed.{{ column }},
            {%- endfor %}
            keyed.date_day,
            keyed.is_reported,
            cast(sum(coalesce({{ changes }}.window_change, 0)) over (
                partition by {% for column in group_columns -%}
                    keyed.{{ column }}{{ ', ' if not loop.last }}
                {%- endfor %}
                order by keyed.date_day
                rows unbounded preceding
            ) as {{ dbt.type_bigint() }}) as {{ count_name }}
        from (
            select
                {{ groups }},
                date_day,
                max(is_reported) as is_reported
            from (
                select
                    {{ groups }},
                    date_day,
                    1 as is_reported
                from {{ days }}
                union all
                select
                    {{ groups }},
                    date_day,
                    0 as is_reported
                from {{ changes }}
            ) as both_days
            group by {{ groups }}, date_day
        ) as keyed
        left join {{ changes }}
            on
                {% for column in group_columns -%}
                    keyed.{{ column }} = {{ changes }}.{{ column }} and
                {% endfor -%}
                keyed.date_day = {{ changes }}.date_day
    ) as running
    where is_reported = 1
{%- endmacro %}
