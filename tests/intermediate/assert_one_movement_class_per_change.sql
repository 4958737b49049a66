-- Exactly one movement class per change: an account-month whose MRR changed has exactly
-- one non-zero movement amount and a class other than 'none'; one that did not change has
-- none of them.
select *
from {{ ref('int_account_months_classified') }}
where
    (
        case when new_mrr != 0 then 1 else 0 end
        + case when reactivation_mrr != 0 then 1 else 0 end
        + case when expansion_mrr != 0 then 1 else 0 end
        + case when contraction_mrr != 0 then 1 else 0 end
        + case when churned_mrr != 0 then 1 else 0 end
    ) != case when m0 != m1 then 1 else 0 end
    or (m0 != m1) != (movement != 'none')
