-- one row per raw relation: its row counts, once they pass the quarantine thresholds.
-- Every mart is downstream of this model (through int_report_bounds), so a broken export
-- stops here and no mart is rebuilt from it: a quarantined share above
-- var quarantine_error_share, over the whole history or over the rows taken in since the
-- last build that passed this check (when at least var quarantine_min_new_rows), fails
-- this model with a message naming the source, the share and the threshold; its table
-- then stays that of the last passed check, whose checked_at stg_raw__row_counts reads,
-- so a mere re-run fails again. Above var quarantine_warn_share the same sentence is the
-- row's warning_message (a warn-severity test reports it).
{%- set min_new_rows = number_var('quarantine_min_new_rows') %}
{%- set messages = {} %}
{%- for threshold_var in ['quarantine_error_share', 'quarantine_warn_share'] %}
    {%- set threshold = number_var(threshold_var) %}
    {%- set parts = [] %}
    {%- for scope, share, rows, words in [
            ['all', 'counts.quarantined_share', 'counts.raw_rows', "' raw rows are quarantined'"],
            ['new', 'counts.new_quarantined_share', 'counts.new_rows',
                "' raw rows taken in since the last passed check are quarantined'"]] %}
        {%- set condition = share ~ ' > ' ~ threshold %}
        {%- if scope == 'new' %}
            {%- set condition = rows ~ ' >= ' ~ min_new_rows ~ ' and ' ~ condition %}
        {%- endif %}
        {%- do parts.append('when ' ~ condition ~ ' then ' ~ dbt.concat([
            'counts.raw_relation', "': '",
            'cast(cast(100 * ' ~ share ~ ' as decimal(10, 1)) as ' ~ dbt.type_string() ~ ')',
            "'% of ' || '" ~ ('its ' if scope == 'all' else 'the ') ~ "'",
            'cast(' ~ rows ~ ' as ' ~ dbt.type_string() ~ ')', words,
            "', above " ~ threshold_var ~ " '",
            'cast(cast(100 * ' ~ threshold ~ ' as decimal(10, 1)) as ' ~ dbt.type_string() ~ ')',
            "'% (see stg_raw__'", 'substr(counts.raw_relation, 5)', "'_rejected)'"])) %}
    {%- endfor %}
    {%- do messages.update({threshold_var: 'case ' ~ (parts | join(' ')) ~ ' end'}) %}
{%- endfor %}

with

counts as (
    select * from {{ ref('stg_raw__row_counts') }}
),

judged as (
    select
        counts.*,
        {{ messages['quarantine_error_share'] }} as error_message,
        {{ messages['quarantine_warn_share'] }} as warning_message
    from counts
),

final as (
    select
        raw_relation,
        raw_rows,
        clean_rows,
        quarantined_rows,
        duplicate_rows,
        superseded_rows,
        quarantined_share,
        new_rows,
        new_quarantined_rows,
        new_quarantined_share,
        cast('{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') }}' as timestamp) as checked_at,
        -- a share over the error threshold fails the statement here, with its message
        case
            when error_message is not null then {{ raise_error('error_message') }}
            else warning_message
        end as warning_message
    from judged
)

select * from final
