{#-
    config_relation(name): the configuration table `name` (fx_rates, feature_catalog or kpi_targets):
    the project's seed of that name, or the host project's model or seed that the var
    `<name>_model` names (a host that installs the project as a package keeps its own
    currencies or feature map; it needs the same columns as the seed). The name is
    checked: a ref to a node that does not exist fails the parse naming it.
-#}
{% macro config_relation(name) -%}
    {%- set chosen = var(name ~ '_model', none) -%}
    {%- if chosen is none -%}
        {{ return(ref(name)) }}
    {%- endif -%}
    {%- if chosen is not string or not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', chosen) -%}
        {{ exceptions.raise_compiler_error(
            "dbt var " ~ name ~ "_model must be the name of a model or seed of your project; got "
            ~ (chosen | string)[:80]) }}
    {%- endif -%}
    {{ return(ref(chosen)) }}
{%- endmacro %}
