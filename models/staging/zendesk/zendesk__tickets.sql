-- one row per Zendesk ticket of the schemas in var zendesk_schemas (Fivetran's ticket,
-- with organization and user): its contract ids (zendesk:<schema>:<ticket id>), the
-- account (the ticket's organization, else its requester's; see zendesk_account_id),
-- the requester as user_id (their external_id, else their id), when it opened and was
-- first solved (ticket_field_history), and whether an agent (role agent or admin) replied
-- in public after it opened. Deleted tickets are left out.
-- Off (not built) while zendesk_schemas is empty.
{{ config(enabled=(var('zendesk_schemas', []) | length > 0)) }}

with

{% for schema in zendesk_schemas() if execute %}
{%- set tickets = landed_relation(schema, 'ticket', var_name='zendesk_schemas') %}
{%- set ticket_comments = landed_relation(schema, 'ticket_comment', var_name='zendesk_schemas') %}
{%- set field_history = landed_relation(schema, 'ticket_field_history',
                                        var_name='zendesk_schemas') %}
{%- set users = landed_relation(schema, 'user', var_name='zendesk_schemas') %}
{%- set organizations = landed_relation(schema, 'organization', var_name='zendesk_schemas') %}
{%- set prefix = sql_string('zendesk:' ~ schema ~ ':') %}

solved_{{ loop.index }} as (
    select
        ticket_id,
        min(updated) as solved_at
    from {{ field_history }}
    where field_name = 'status' and value = 'solved'
    group by ticket_id
),

agent_replies_{{ loop.index }} as (
    select
        ticket_comments.ticket_id,
        count(*) as agent_replies
    from {{ ticket_comments }} as ticket_comments
    inner join {{ users }} as authors
        on ticket_comments.user_id = authors.id
    inner join {{ tickets }} as tickets
        on ticket_comments.ticket_id = tickets.id
    where
        ticket_comments.public
        and authors.role in ('agent', 'admin')
        and ticket_comments.created > tickets.created_at
    group by ticket_comments.ticket_id
),

tickets_{{ loop.index }} as (
    select
        {{ sql_string(schema) }} as schema_name,
        {{ dbt.concat([prefix, 'cast(tickets.id as ' ~ dbt.type_string() ~ ')']) }} as ticket_key,
        tickets.id as zendesk_ticket_id,
        coalesce(
            {{ zendesk_account_id('ticket_organizations') }},
            {{ zendesk_account_id('requester_organizations') }}
        ) as account_id,
        coalesce(requesters.external_id, cast(requesters.id as {{ dbt.type_string() }}))
            as user_id,
        tickets.created_at as opened_at,
        solved.solved_at,
        tickets.via_channel as channel,
        tickets.{{ adapter.quote('type') }} as topic,
        tickets.subject,
        agent_replies.ticket_id is not null as has_agent_reply
    from {{ tickets }} as tickets
    left join {{ organizations }} as ticket_organizations
        on tickets.organization_id = ticket_organizations.id
    left join {{ users }} as requesters
        on tickets.requester_id = requesters.id
    left join {{ organizations }} as requester_organizations
        on requesters.organization_id = requester_organizations.id
    left join solved_{{ loop.index }} as solved
        on tickets.id = solved.ticket_id
    left join agent_replies_{{ loop.index }} as agent_replies
        on tickets.id = agent_replies.ticket_id
    where tickets.status <> 'deleted'
),

{% endfor %}

final as (
    {{ union_numbered('tickets_', zendesk_schemas() | length if execute else 0) }}
)

select * from final
