-- The MRR bridge per account-month: m0 + new + reactivation + expansion - contraction
-- - churned = m1, to the cent and below.
select *
from {{ ref('int_account_months_classified') }}
where
    m0 + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr != m1
