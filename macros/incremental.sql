{#-
    Incremental refreshes (the event path). Raw events are taken in by loaded_at: a run
    reads the raw rows loaded since the newest one already taken in, less
    number_var('late_arrival_lookback_hours'), so a late row still lands. Day-grain models then
    recompute every day from the earliest day those rows touch, and keep earlier days.
    Each such model carries last_loaded_at (the newest loaded_at of the events it
    aggregates) as its watermark, so a skipped or failed run is caught up by the next.
-#}

{#-
    loaded_cutoff(column): the newest `column` in this model's table, less the lookback.
    Stamps later than the run's own clock (future_cutoff) are not believed: one bad raw
    loaded_at in 2099 must not stop every later row from being taken in.
-#}
{% macro loaded_cutoff(column='last_loaded_at') -%}
    {%- set newest = 'max(' ~ column ~ ')' -%}
    (select {{ dbt.dateadd('hour', -1 * number_var('late_arrival_lookback_hours'), newest) | trim }}
    {{- ' ' -}} from {{ this }} where {{ column }} <= {{ future_cutoff() | trim }})
{%- endmacro %}

{#-
    recompute_from(changes, date_column, loaded_column): the first day an incremental run
    recomputes: the earliest `date_column` among rows of `changes` loaded at or after
    the cutoff. Null when nothing new arrived (the run then changes nothing).
-#}
{% macro recompute_from(changes, date_column='date_day', loaded_column='last_loaded_at') -%}
    (select min({{ date_column }}) from {{ changes }} where {{ loaded_column }} >= {{ loaded_cutoff() }})
{%- endmacro %}

{#-
    incremental_by_day(): the config of a day-grain incremental model whose run replaces
    whole days: delete+insert on date_day (DuckDB, Postgres), insert_overwrite of date_day
    partitions on Spark.
-#}
{% macro incremental_by_day() -%}
    {%- if target.type == 'spark' -%}
        {{ return({'materialized': 'incremental', 'incremental_strategy': 'insert_overwrite',
                   'partition_by': ['date_day'], 'file_format': 'parquet',
                   'on_schema_change': 'fail'}) }}
    {%- else -%}
        {{ return({'materialized': 'incremental', 'incremental_strategy': 'delete+insert',
                   'unique_key': 'date_day', 'on_schema_change': 'fail'}) }}
    {%- endif -%}
{%- endmacro %}

{#- incremental_append(): the config of an incremental model that only ever adds rows. -#}
{% macro incremental_append() -%}
    {%- if target.type == 'spark' -%}
        {{ return({'materialized': 'incremental', 'incremental_strategy': 'append',
                   'file_format': 'parquet', 'on_schema_change': 'fail'}) }}
    {%- else -%}
        {{ return({'materialized': 'incremental', 'incremental_strategy': 'append',
                   'on_schema_change': 'fail'}) }}
    {%- endif -%}
{%- endmacro %}

{#-
    raw_row_key(columns, alias): a hash of a raw row's text values (null kept apart from
    ''), recognising a raw row read again inside the lookback.
-#}
{% macro raw_row_key(columns, alias) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("coalesce('v' || " ~ alias ~ "." ~ column ~ ", 'n')") -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

{#-
    refresh_from_day(changed_days, survey_responses=none, accounts=none): the body of a
    one-row CTE whose from_day is the first day an incremental run of a day-grain model
    recomputes: the earliest of (a) the first day of `changed_days` (a relation with date_day and
    last_loaded_at) holding events loaded since this model's watermark, (b) the first
    answer day of `survey_responses` within the lookback before this model's last day
    (raw surveys carry no loaded_at), (c) likewise the first sign-up day of `accounts`
    (with created_date), (d) the day after this model's last day.
-#}
{% macro refresh_from_day(changed_days, survey_responses=none, accounts=none,
                          date_column='date_day', loaded_column='last_loaded_at') -%}
    {%- set lookback_days = ((number_var('late_arrival_lookback_hours') + 23) // 24) | int -%}
    select
        cast(least(
            coalesce({{ recompute_from(changed_days, date_column, loaded_column) }}, done.next_day),
            {%- if accounts %}
            coalesce({{ first_recent_day(accounts, 'created_date', lookback_days) }}, done.next_day),
            {%- endif %}
            {%- if survey_responses %}
            coalesce({{ first_recent_day(survey_responses, 'responded_date', lookback_days) }},
                done.next_day),
            {%- endif %}
            done.next_day
        ) as date) as from_day
    from (
        select
            max(date_day) as last_day,
            cast({{ dbt.dateadd('day', 1, 'max(date_day)') }} as date) as next_day
        from {{ this }}
    ) as done
{%- endmacro %}

{#-
    since_refresh(days_before=0): on an incremental run, a where clause keeping the rows
    from `days_before` days before the model's refresh CTE's from_day (windows and
    day-before comparisons read that far back); nothing on a full build.
-#}
{% macro since_refresh(days_before=0) -%}
    {%- if is_incremental() -%}
        {%- if days_before == 0 -%}
    where date_day >= (select refresh.from_day from refresh)
        {%- else -%}
    where date_day >= (select cast({{ dbt.dateadd('day', -1 * days_before, 'refresh.from_day') }} as date) from refresh)
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#-
    first_recent_day(relation, date_column, lookback_days): the earliest `date_column` of
    `relation` within lookback_days before done.last_day (refresh_from_day's last day),
    for relations without a loaded_at (survey answers, sign-ups).
-#}
{% macro first_recent_day(relation, date_column, lookback_days) -%}
    (select min(recent.{{ date_column }}) from {{ relation }} as recent where recent.{{ date_column }} >= cast({{ dbt.dateadd('day', -1 * lookback_days, 'done.last_day') }} as date))
{%- endmacro %}
