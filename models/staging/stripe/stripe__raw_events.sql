-- billing events, in the shape of the raw_events contract (text columns), from Stripe as
-- Fivetran lands it in each schema of var stripe_schemas (one per Stripe account,
-- unioned): per subscription (subscription_history, the current version where
-- _fivetran_active says so) a trial_started at trial_start, a subscription_started at
-- the end of the trial (or start_date) unless it is still trialing or ended first, and
-- a subscription_cancelled when it ended (ended_at; canceled_at for a canceled one
-- without). The price is the sum over its items (subscription_item) of the price's (or
-- plan's) unit amount x quantity, in major units; quantity is the seats; an interval of n
-- months (years) is a monthly (yearly) amount / n; any other interval passes as it is
-- and staging quarantines it. The account is the customer's metadata key named by var
-- stripe_account_id_metadata_key, else the customer id. The load time is the
-- subscription's _fivetran_synced. Incomplete subscriptions (never
-- paid) give no event. Only each subscription's current items and price are landed, so
-- a price change is not dated: the current price holds from the start.
-- Off (not built) while stripe_schemas is empty; raw_relation('raw_events') reads it.
{{ config(enabled=(var('stripe_schemas', []) | length > 0)) }}

{%- set metadata_key = var('stripe_account_id_metadata_key', none) %}
{#- a timestamp column's date, as YYYY-MM-DD text (COLUMN is replaced by the column) -#}
{%- set date_text = 'cast(cast(COLUMN as date) as ' ~ dbt.type_string() ~ ')' %}

with

{% for schema in stripe_schemas() if execute %}
{%- set subscriptions = landed_relation(schema, 'subscription_history',
                                        var_name='stripe_schemas') %}
{%- set subscription_columns = column_types(subscriptions) %}
{%- set items = landed_relation(schema, 'subscription_item', var_name='stripe_schemas') %}
{%- set item_columns = column_types(items) %}
{%- set prices = landed_relation(schema, 'price', required=false, var_name='stripe_schemas') %}
{%- set customers = landed_relation(schema, 'customer', var_name='stripe_schemas') %}
{%- set price_key = 'price_id' if 'price_id' in item_columns else 'plan_id' %}
{%- set prefix = sql_string('stripe:' ~ schema ~ ':') %}
{%- set time_type = subscription_columns['start_date'] %}
{%- set synced_type = subscription_columns.get('_fivetran_synced', 'timestamp') %}

subscriptions_{{ loop.index }} as (
    select
        id as subscription_id,
        customer_id,
        status,
        start_date,
        trial_start,
        trial_end,
        current_period_end,
        coalesce(ended_at, case when status = 'canceled' then canceled_at end) as ended_at,
        {%- if '_fivetran_synced' in subscription_columns %}
        _fivetran_synced as synced_at,
        {%- else %}
        cast(null as {{ dbt.type_timestamp() }}) as synced_at,
        {%- endif %}
        {%- if 'cancellation_details_reason' in subscription_columns %}
        cancellation_details_reason as cancellation_reason
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as cancellation_reason
        {%- endif %}
    from {{ subscriptions }}
    where
        status not in ('incomplete', 'incomplete_expired')
        {%- if '_fivetran_active' in subscription_columns %}
        and _fivetran_active
        {%- endif %}
),

priced_items_{{ loop.index }} as (
    -- per subscription: its amount per interval in major units, seats, interval, currency
    select
        items.subscription_id,
        {%- if prices is not none %}
        sum(prices.unit_amount * coalesce(items.quantity, 1)) / 100.0 as interval_amount,
        min(prices.recurring_interval) as billing_interval,
        min(prices.recurring_interval_count) as interval_count,
        upper(min(prices.currency)) as currency,
        min(prices.nickname) as plan,
        {%- else %}
        {%- set plans = landed_relation(schema, 'plan', var_name='stripe_schemas') %}
        sum(prices.amount * coalesce(items.quantity, 1)) / 100.0 as interval_amount,
        min(prices.{{ adapter.quote('interval') }}) as billing_interval,
        min(prices.interval_count) as interval_count,
        upper(min(prices.currency)) as currency,
        min(prices.nickname) as plan,
        {%- endif %}
        sum(coalesce(items.quantity, 1)) as seats
    from {{ items }} as items
    inner join {{ prices if prices is not none else plans }} as prices
        on items.{{ price_key }} = prices.id
    group by items.subscription_id
),

customers_{{ loop.index }} as (
    select
        id as customer_id,
        {%- if metadata_key %}
        coalesce(
            {{ json_text(raw_text('metadata', column_types(customers)['metadata']),
                         metadata_key) }},
            id
        ) as account_id
        {%- else %}
        id as account_id
        {%- endif %}
    from {{ customers }}
),

subscribed_{{ loop.index }} as (
    select
        subscriptions.*,
        customers.account_id,
        priced_items.plan,
        priced_items.currency,
        priced_items.seats,
        case
            when priced_items.interval_count > 1
                then priced_items.interval_amount / priced_items.interval_count
            else priced_items.interval_amount
        end as amount,
        priced_items.billing_interval,
        coalesce(subscriptions.trial_end, subscriptions.start_date) as paid_from
    from subscriptions_{{ loop.index }} as subscriptions
    inner join priced_items_{{ loop.index }} as priced_items
        on subscriptions.subscription_id = priced_items.subscription_id
    left join customers_{{ loop.index }} as customers
        on subscriptions.customer_id = customers.customer_id
),

events_{{ loop.index }} as (
    select
        {{ dbt.concat([prefix, 'subscription_id', "':trial'"]) }} as event_id,
        account_id,
        'trial_started' as event_name,
        trial_start as occurred_at,
        synced_at,
        {{ json_object_text([('plan', 'plan'),
                             ('trial_end', date_text | replace('COLUMN', 'trial_end'))]) }}
            as properties
    from subscribed_{{ loop.index }}
    where trial_start is not null

    union all

    select
        {{ dbt.concat([prefix, 'subscription_id', "':started'"]) }} as event_id,
        account_id,
        'subscription_started' as event_name,
        paid_from as occurred_at,
        synced_at,
        {{ json_object_text([('plan', 'plan'), ('amount', 'amount'),
                             ('billing_interval', 'billing_interval'), ('currency', 'currency'),
                             ('seats', 'seats'),
                             ('current_period_end',
                              date_text | replace('COLUMN', 'current_period_end'))]) }}
            as properties
    from subscribed_{{ loop.index }}
    where status <> 'trialing' and (ended_at is null or ended_at > paid_from)

    union all

    select
        {{ dbt.concat([prefix, 'subscription_id', "':cancelled'"]) }} as event_id,
        account_id,
        'subscription_cancelled' as event_name,
        ended_at as occurred_at,
        synced_at,
        {{ json_object_text([('reason', 'cancellation_reason')]) }} as properties
    from subscribed_{{ loop.index }}
    where ended_at is not null
),

contract_rows_{{ loop.index }} as (
    select
        event_id,
        account_id,
        cast(null as {{ dbt.type_string() }}) as user_id,
        event_name,
        {{ raw_text('occurred_at', time_type) }} as occurred_at,
        properties,
        {{ raw_text('synced_at', synced_type) }} as loaded_at
    from events_{{ loop.index }}
),

{% endfor %}

final as (
    {{ union_numbered('contract_rows_', stripe_schemas() | length if execute else 0) }}
)

select * from final
