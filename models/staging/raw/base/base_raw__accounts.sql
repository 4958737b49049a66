-- one row per raw account row: typed, normalised, with its reject reason (null when clean)
-- and whether a later version of the same account_id supersedes it; the pass-through
-- columns (var account_passthrough_columns) as trimmed text, judged by no check
with

raw_accounts as (
    select * from {{ raw_relation('raw_accounts') }} as raw_rows
),

typed as (
    select
        {{ clean_text('account_id') }} as account_id,
        {{ clean_text('account_name') }} as account_name,
        {{ clean_text('created_at') }} as created_at_text,
        {{ clean_text('segment') }} as segment_text,
        {{ to_snake_case('segment') }} as segment,
        {{ clean_text('industry') }} as industry,
        {{ clean_text('region') }} as region,
        {{ clean_text('csm_owner') }} as csm_owner,
        {{ clean_text('referred_by_account_id') }} as referred_by_account_id,
        {{ clean_text('is_internal') }} as is_internal_text,
        {{ parse_boolean('is_internal') }} as is_internal_parsed,
        {{ clean_text('updated_at') }} as updated_at_text,
        {%- for column in account_passthrough_columns() %}
        {{ clean_text(column) }} as {{ column }},
        {%- endfor %}
        raw_accounts.raw_line_number,
        raw_accounts.raw_line,
        {{ raw_row_key(raw_columns('raw_accounts')['required']
                       + raw_columns('raw_accounts')['optional'] + ['raw_line'],
                       'raw_accounts') }} as raw_row_key
    from raw_accounts
),

timed as (
    select
        *,
        {{ to_utc_timestamp('created_at_text') }} as created_at,
        {{ to_utc_timestamp('updated_at_text') }} as updated_at
    from typed
),

judged as (
    -- the first failing check names the reason
    {%- set checks = [
        ["raw_line is not null", "malformed_row", "raw_line"],
        ["account_id is null", "missing_required_value", "account_id"],
        ["created_at_text is null", "missing_required_value", "created_at"],
        ["segment_text is null", "missing_required_value", "segment"],
        ["created_at is null", "unparseable_timestamp", "created_at"],
        ["updated_at_text is not null and updated_at is null", "unparseable_timestamp",
            "updated_at"],
        ["created_at > " ~ future_cutoff(), "future_timestamp", "created_at"],
        ["segment not in ('self_serve', 'high_touch')", "unknown_segment", "segment"],
        ["is_internal_text is not null and is_internal_parsed is null", "invalid_boolean",
            "is_internal"],
    ] %}
    select
        *,
        {{ first_failure(checks) }}
    from timed
),

versioned as (
    -- among clean rows of one account_id the latest updated_at wins; the rest are
    -- duplicates. The hash of the whole raw row breaks the last ties, so the winner never
    -- depends on the order of rows in the file.
    select
        *,
        coalesce(is_internal_parsed, false) as is_internal,
        reject_reason is null
        and row_number() over (
            partition by account_id, reject_reason is null
            order by
                updated_at desc nulls last, created_at desc, account_name desc nulls last,
                raw_row_key asc
        ) > 1 as is_duplicate
    from judged
)

select * from versioned
