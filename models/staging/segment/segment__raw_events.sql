-- one row per Segment (or RudderStack) track call, in the shape of the raw_events contract
-- (text columns): the track calls of every warehouse schema named in var segment_schemas
-- (one per source or connection), unioned. The account is the track's
-- context_group_id where it has one, else the group its user last joined (groups, and
-- identifies calls whose trait column var segment_account_trait names the account) on or
-- before the event, else the user's first group; an event with none keeps no account,
-- and staging quarantines it (missing_required_value). The properties are the columns
-- of the event's own table (var segment_event_tables) but the tools' own columns. The
-- load time is uuid_ts (when the warehouse received the row), else received_at.
-- Off (not built) while segment_schemas is empty; raw_relation('raw_events') reads it.
{{ config(enabled=(var('segment_schemas', []) | length > 0)) }}

{%- set own_columns = ['id', 'anonymous_id', 'user_id', 'event', 'event_text', 'timestamp',
                       'received_at', 'sent_at', 'original_timestamp', 'uuid_ts',
                       'loaded_at', 'channel'] %}
{%- set ts = adapter.quote('timestamp') %}
{%- set account_trait = var('segment_account_trait', none) %}
{%- if account_trait is not none and not (account_trait is string
                                         and modules.re.fullmatch('[a-z_][a-z0-9_]*',
                                                                  account_trait)) %}
    {{ exceptions.raise_compiler_error(
        "dbt var segment_account_trait must be a column name of identifies; got "
        ~ (account_trait | string)[:80]) }}
{%- endif %}

with

{% for schema in segment_schemas() if execute %}
{%- set tracks = landed_relation(schema, 'tracks') %}
{%- set track_columns = column_types(tracks) %}
{%- set groups = landed_relation(schema, 'groups') %}
{%- set group_columns = column_types(groups) %}
{%- set loaded = 'uuid_ts' if 'uuid_ts' in track_columns else 'received_at' %}

tracks_{{ loop.index }} as (
    select
        {{ raw_text('id', track_columns['id']) }} as event_id,
        {%- if 'context_group_id' in track_columns %}
        {{ raw_text('context_group_id', track_columns['context_group_id']) }} as group_id,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as group_id,
        {%- endif %}
        {{ raw_text('user_id', track_columns['user_id']) }} as user_id,
        {{ raw_text('event', track_columns['event']) }} as event_name,
        {{ raw_text(ts, track_columns['timestamp']) }} as occurred_at,
        {{ ts }} as occurred_at_typed,
        {{ raw_text(loaded, track_columns[loaded]) }} as loaded_at
    from {{ tracks }}
),

memberships_{{ loop.index }} as (
    select
        {{ raw_text('user_id', group_columns['user_id']) }} as user_id,
        {{ raw_text('group_id', group_columns['group_id']) }} as group_id,
        {{ ts }} as joined_at
    from {{ groups }}
    where user_id is not null and group_id is not null
    {%- if account_trait %}
    {%- set identifies = landed_relation(schema, 'identifies') %}
    {%- set identify_columns = column_types(identifies) %}

    union all

    -- an identify call that names the user's account in a trait column counts as joining it
    select
        {{ raw_text('user_id', identify_columns['user_id']) }} as user_id,
        {{ raw_text(account_trait, identify_columns[account_trait]) }} as group_id,
        {{ ts }} as joined_at
    from {{ identifies }}
    where user_id is not null and {{ account_trait }} is not null
    {%- endif %}
),

event_properties_{{ loop.index }} as (
    {%- set parts = [] %}
    {%- for table in segment_event_tables() %}
    {%- set relation = landed_relation(schema, table, required=false) %}
    {%- if relation is not none %}
    {%- set columns = column_types(relation) %}
    {%- set pairs = [] %}
    {%- for column in columns if column not in own_columns and not column.startswith('context_') %}
    {%- do pairs.append((column, adapter.quote(column))) %}
    {%- endfor %}
    {%- do parts.append("select " ~ raw_text('id', columns['id']) ~ " as event_id, "
                        ~ json_object_text(pairs) ~ " as properties from " ~ relation) %}
    {%- endif %}
    {%- endfor %}
    {%- if parts %}
    {{ parts | join('\n    union all\n    ') }}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_string() }}) as properties
    where 1 = 0
    {%- endif %}
),

track_accounts_{{ loop.index }} as (
    -- each track call's candidate groups: the one joined last on or before the event
    -- ranks first, else the earliest one
    select
        tracks.event_id,
        memberships.group_id,
        row_number() over (
            partition by tracks.event_id
            order by
                case when memberships.joined_at <= tracks.occurred_at_typed then 0 else 1 end,
                case
                    when memberships.joined_at <= tracks.occurred_at_typed
                        then memberships.joined_at
                end desc,
                memberships.joined_at asc,
                memberships.group_id asc
        ) as membership_rank
    from tracks_{{ loop.index }} as tracks
    inner join memberships_{{ loop.index }} as memberships
        on tracks.user_id = memberships.user_id
),

track_calls_{{ loop.index }} as (
    select
        tracks.event_id,
        coalesce(tracks.group_id, track_accounts.group_id) as account_id,
        tracks.user_id,
        tracks.event_name,
        tracks.occurred_at,
        event_properties.properties,
        tracks.loaded_at
    from tracks_{{ loop.index }} as tracks
    left join track_accounts_{{ loop.index }} as track_accounts
        on
            tracks.event_id = track_accounts.event_id
            and track_accounts.membership_rank = 1
    left join event_properties_{{ loop.index }} as event_properties
        on tracks.event_id = event_properties.event_id
),

{% endfor %}

final as (
    {{ union_numbered('track_calls_', segment_schemas() | length if execute else 0) }}
)

select * from final
