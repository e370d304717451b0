-- Licensing, part 2: the application a licence was issued or last changed on, the provinces' one-character
-- abbreviations used in provincial licence numbers, annual reports and the telecom credit lists.

alter table licensing.licence add column application varchar(64);
create index licence_application on licensing.licence (application);

-- The one-character abbreviation (简称) of each province-level division, which prefixes a provincial licence number
-- (京B2-…, 沪B2-…; telecom-vas-brief §4.5). Source: the official abbreviations of the province-level divisions as
-- listed with the GB/T 2260 codes by the central government portal (www.gov.cn, 国情 › 行政区划). The brief attests
-- 京, 沪, 粤, 浙 and 闽 in real licence numbers [V]; that the others are used the same way is inferred [I].
create table licensing.province_abbreviation (
    code         varchar(6) primary key,
    abbreviation varchar(2) not null,
    constraint province_abbreviation_unique unique (abbreviation)
);

insert into licensing.province_abbreviation (code, abbreviation) values
    ('110000', '京'), ('120000', '津'), ('130000', '冀'), ('140000', '晋'), ('150000', '蒙'),
    ('210000', '辽'), ('220000', '吉'), ('230000', '黑'), ('310000', '沪'), ('320000', '苏'),
    ('330000', '浙'), ('340000', '皖'), ('350000', '闽'), ('360000', '赣'), ('370000', '鲁'),
    ('410000', '豫'), ('420000', '鄂'), ('430000', '湘'), ('440000', '粤'), ('450000', '桂'),
    ('460000', '琼'), ('500000', '渝'), ('510000', '川'), ('520000', '贵'), ('530000', '云'),
    ('540000', '藏'), ('610000', '陕'), ('620000', '甘'), ('630000', '青'), ('640000', '宁'),
    ('650000', '新');

-- Annual reports (年报, Order 42 art. 35): one per licence and year reported on. The form's items are stored whole as
-- JSON (body), with which of them the operator made public. A draft can be saved many times; a submitted report is
-- checked complete; a registrar's confirmation of a late report takes the holder off the bad list (art. 38).
create table licensing.annual_report (
    licence_id   varchar(64) not null,
    report_year  int not null,
    status       varchar(10) not null,
    body         varchar not null,
    saved_at     timestamp with time zone not null,
    saved_by     varchar(200) not null,
    submitted_at timestamp with time zone,
    confirmed_at timestamp with time zone,
    confirmed_by varchar(200),
    primary key (licence_id, report_year),
    constraint annual_report_status_known check (status in ('DRAFT', 'SUBMITTED', 'CONFIRMED'))
);

-- Credit-list entries with the fields of MIIT's 2018 notice. cause says what put the entry there, so the automatic
-- sweep lists a missing report once (ANNUAL_REPORT:<licence>:<year>) and the confirmation of that report removes it;
-- entries by hand have cause MANUAL:<id>.
create table licensing.credit_entry (
    id             varchar(64) primary key,
    list           varchar(10) not null,
    operator       varchar(500) not null,
    uscc           varchar(18),
    licence_number varchar(64),
    listed_on      date not null,
    reason         varchar(2000) not null,
    authority      varchar(200) not null,
    removed_on     date,
    removal_reason varchar(2000),
    synthetic      boolean not null,
    cause          varchar(200) not null,
    changed_at     timestamp with time zone not null,
    constraint credit_entry_list_known check (list in ('BAD', 'DISHONEST')),
    constraint credit_entry_cause_unique unique (cause)
);

create index credit_entry_uscc on licensing.credit_entry (uscc, listed_on);
