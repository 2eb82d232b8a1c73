-- one row per candidate pair (link_blocked) with what the score compares; pairs that cannot be one person-case
-- (two NIPs, one case, dates beyond what REVIEW allows) are left out
with features as (
    select p.a, p.b, x.name_id as a_name, y.name_id as b_name, x.agency_id as a_agency, y.agency_id as b_agency,
           coalesce(x.nip = y.nip, false) as nip_match,
           x.nip is not null and y.nip is not null and x.nip <> y.nip as nip_conflict,
           x.source_agency = y.source_agency as same_register,
           x.case_id = y.case_id and x.source_agency = y.source_agency as same_case,
           abs(date_diff('day', x.incident_date, y.incident_date)) as incident_gap,
           case when y.receiver and not x.receiver
                     then date_diff('day', coalesce(x.incident_date, x.report_date), y.hand_date)
                when x.receiver and not y.receiver
                     then date_diff('day', coalesce(y.incident_date, y.report_date), x.hand_date) end as order_gap,
           case when x.receiver = y.receiver then abs(date_diff('day', x.hand_date, y.hand_date)) end
               as report_gap,
           (x.region_code = y.region_code)::integer as same_region,
           (x.province_code = y.province_code)::integer as same_province,
           (x.position_class = y.position_class)::integer as same_position,
           (x.violation_type = y.violation_type)::integer as same_violation,
           case when (x.employee_type = 'non_asn') <> (y.employee_type = 'non_asn') then 2
                when x.employee_type <> y.employee_type then 1
                when x.employee_type = y.employee_type then 0 end as employee_clash
    from link_blocked p join link_records x on x.rid = p.a join link_records y on y.rid = p.b
)
select * exclude (nip_conflict, same_case) from features
where not nip_conflict and not same_case
  and (nip_match or ((incident_gap is null or incident_gap <= $max_incident_gap)
                     and (order_gap is null or order_gap between -$early_days and $window_days)
                     and (report_gap is null or report_gap <= $window_days)))
-- one register's two case numbers reach here only as one incident: the blocks' link_one_incident (link_macros.sql)
