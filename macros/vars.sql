{#-
    Typed vars. Every var that reaches SQL is read through one of these: a value of the
    wrong type stops the run with a message naming the var, before any SQL is sent. Text
    reaches SQL only through sql_string / quoted_list.
-#}

{#- number_var(name): the var as a number (a YAML number, or text that is a plain decimal). -#}
{% macro number_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is number and value is not sameas true and value is not sameas false
           and value == value and value | abs < 1e300 -%}
        {{- return(value) -}}
    {%- elif value is string and modules.re.fullmatch(number_pattern(), value.strip()) -%}
        {{- return(value.strip() | float) -}}
    {%- endif -%}
    {{- exceptions.raise_compiler_error(
        "dbt var " ~ name ~ " must be a number; got " ~ (value | string)[:80] ~ "") -}}
{%- endmacro %}

{#-
    date_var(name, required=false): the var as 'YYYY-MM-DD' text (a real calendar date), or
    none when the var is null and not required. A YAML date or text of that form is
    accepted; anything else stops the run.
-#}
{% macro date_var(name, required=false) -%}
    {%- set value = var(name) -%}
    {%- if value is none and not required -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set text = (value | string).strip() -%}
    {%- if modules.re.fullmatch('\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])', text) -%}
        {%- set year, month, day = text[0:4] | int, text[5:7] | int, text[8:10] | int -%}
        {%- set next_month = modules.datetime.date(year + month // 12, month % 12 + 1, 1) -%}
        {%- if day <= (next_month - modules.datetime.timedelta(days=1)).day -%}
            {{- return(text) -}}
        {%- endif -%}
    {%- endif -%}
    {{- exceptions.raise_compiler_error(
        "dbt var " ~ name ~ " must be a date YYYY-MM-DD; got " ~ text[:80]) -}}
{%- endmacro %}

{#- text_list_var(name): the var as a non-empty list of non-empty strings. -#}
{% macro text_list_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is iterable and value is not string and value is not mapping
           and value | length > 0 -%}
        {%- set ns = namespace(ok=true) -%}
        {%- for item in value -%}
            {%- if item is not string or item | trim == '' -%}
                {%- set ns.ok = false -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if ns.ok -%}
            {{- return(value | list) -}}
        {%- endif -%}
    {%- endif -%}
    {{- exceptions.raise_compiler_error(
        "dbt var " ~ name ~ " must be a list of names, e.g. [a, b]; got " ~ (value | string)[:80]) -}}
{%- endmacro %}

{#-
    account_passthrough_columns(): the var account_passthrough_columns, the extra columns
    of raw_accounts (plan tier, country, ...) that staging carries, as text, into
    dim_accounts: a list of column names (letters, digits, _; matched without regard to
    case, given in lower case), none of them a contract column of raw_accounts, a column
    dim_accounts or the staging models make themselves (nor ending in _text), none
    twice. Empty by default.
-#}
{% macro account_passthrough_columns() -%}
    {%- set value = var('account_passthrough_columns', []) -%}
    {%- if value is none -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- if value is string or value is mapping or value is not iterable -%}
        {{- exceptions.raise_compiler_error(
            "dbt var account_passthrough_columns must be a list of column names, e.g. "
            ~ "[plan_tier, country]; got " ~ (value | string)[:80]) -}}
    {%- endif -%}
    {%- set spec = raw_columns('raw_accounts') -%}
    {#- dim_accounts' own columns, as its yml documents them (known once dbt has parsed) -#}
    {%- set own = [] -%}
    {%- for node in graph.get('nodes', {}).values() | selectattr('name', 'equalto', 'dim_accounts') -%}
        {%- do own.extend(node.columns.keys() | list) -%}
    {%- endfor -%}
    {%- set taken = spec['required'] + spec['optional'] + own
        + ['raw_line_number', 'raw_line', 'raw_row_key', 'reject_reason', 'reject_column',
           'is_duplicate', 'created_date', 'is_internal_parsed'] -%}
    {%- set names = [] -%}
    {%- for item in value -%}
        {%- set name = (item | string | trim | lower) -%}
        {%- if item is not string or not modules.re.fullmatch('[a-z_][a-z0-9_]*', name) -%}
            {{- exceptions.raise_compiler_error(
                "dbt var account_passthrough_columns: '" ~ (item | string)[:80] ~ "' is no "
                ~ "plain column name (letters, digits, _)") -}}
        {%- elif name in taken or name in names or name.endswith('_text') -%}
            {{- exceptions.raise_compiler_error(
                "dbt var account_passthrough_columns: '" ~ name ~ "' is named twice, or is "
                ~ "a column the project makes itself") -}}
        {%- endif -%}
        {%- do names.append(name) -%}
    {%- endfor -%}
    {{- return(names) -}}
{%- endmacro %}
