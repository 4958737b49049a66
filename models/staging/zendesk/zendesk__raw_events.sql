-- support events from Zendesk (Fivetran), in the shape of the raw_events contract (text
-- columns): per ticket of zendesk__tickets a ticket_opened (channel: via_channel, topic:
-- the ticket's type, subject) and, once solved, a ticket_resolved (resolution agent when an
-- agent replied in public, else self_service); per public comment of an agent or admin
-- after the ticket opened, a ticket_agent_replied. Times are read as the ticket table's
-- created_at type (of the first schema).
-- Off (not built) while zendesk_schemas is empty; raw_relation('raw_events') reads it.
{{ config(enabled=(var('zendesk_schemas', []) | length > 0)) }}

with

tickets as (
    select * from {{ ref('zendesk__tickets') }}
),

{% for schema in zendesk_schemas() if execute %}
{%- set ticket_comments = landed_relation(schema, 'ticket_comment', var_name='zendesk_schemas') %}
{%- set users = landed_relation(schema, 'user', var_name='zendesk_schemas') %}
replies_{{ loop.index }} as (
    select
        {{ dbt.concat([sql_string('zendesk:' ~ schema ~ ':comment:'),
                       'cast(ticket_comments.id as ' ~ dbt.type_string() ~ ')']) }} as event_id,
        tickets.account_id,
        tickets.user_id,
        ticket_comments.created as occurred_at,
        tickets.ticket_key
    from {{ ticket_comments }} as ticket_comments
    inner join {{ users }} as authors
        on ticket_comments.user_id = authors.id
    inner join tickets
        on
            tickets.schema_name = {{ sql_string(schema) }}
            and ticket_comments.ticket_id = tickets.zendesk_ticket_id
    where
        ticket_comments.public
        and authors.role in ('agent', 'admin')
        and ticket_comments.created > tickets.opened_at
),

{% endfor %}

{%- set resolution = "case when has_agent_reply then 'agent' else 'self_service' end" %}

events as (
    select
        {{ dbt.concat(['ticket_key', "':opened'"]) }} as event_id,
        account_id,
        user_id,
        'ticket_opened' as event_name,
        opened_at as occurred_at,
        {{ json_object_text([('ticket_id', 'ticket_key'), ('channel', 'channel'),
                             ('topic', 'topic'), ('subject', 'subject')]) }} as properties
    from tickets

    union all

    select
        {{ dbt.concat(['ticket_key', "':resolved'"]) }} as event_id,
        account_id,
        user_id,
        'ticket_resolved' as event_name,
        solved_at as occurred_at,
        {{ json_object_text([('ticket_id', 'ticket_key'),
                             ('resolution', resolution)]) }}
            as properties
    from tickets
    where solved_at is not null
    {%- for schema in zendesk_schemas() if execute %}

    union all

    select
        event_id,
        account_id,
        user_id,
        'ticket_agent_replied' as event_name,
        occurred_at,
        {{ json_object_text([('ticket_id', 'ticket_key')]) }} as properties
    from replies_{{ loop.index }}
    {%- endfor %}
),

{%- set time_type = column_types(landed_relation(zendesk_schemas()[0], 'ticket',
    var_name='zendesk_schemas'))['created_at'] if execute else 'timestamp' %}

final as (
    select
        event_id,
        account_id,
        user_id,
        event_name,
        {{ raw_text('occurred_at', time_type) }} as occurred_at,
        properties,
        cast(null as {{ dbt.type_string() }}) as loaded_at
    from events
)

select * from final
