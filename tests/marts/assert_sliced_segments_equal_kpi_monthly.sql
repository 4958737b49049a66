-- The slice `segment` of kpi_sliced_monthly, summed from the account-grain marts, gives
-- kpi_monthly's self_serve and high_touch rows (from the family marts) exactly: value,
-- numerator, denominator and completeness, to 1e-9 of the value.
select
    sliced.month,
    sliced.slice_value as segment,
    sliced.kpi,
    sliced.value as sliced_value,
    scorecard.value as scorecard_value
from {{ ref('kpi_sliced_monthly') }} as sliced
left join {{ ref('kpi_monthly') }} as scorecard
    on
        sliced.month = scorecard.month
        and sliced.slice_value = scorecard.segment
        and sliced.kpi = scorecard.kpi
where
    sliced.slice = 'segment'
    and (
        scorecard.kpi is null
        or sliced.is_complete_period != scorecard.is_complete_period
        or (sliced.value is null) != (scorecard.value is null)
        or abs(sliced.value - scorecard.value) > 1e-9 * (1 + abs(scorecard.value))
        or abs(coalesce(sliced.numerator, 0) - coalesce(scorecard.numerator, 0))
        > 1e-9 * (1 + abs(coalesce(scorecard.numerator, 0)))
        or abs(coalesce(sliced.denominator, 0) - coalesce(scorecard.denominator, 0))
        > 1e-9 * (1 + abs(coalesce(scorecard.denominator, 0)))
    )
