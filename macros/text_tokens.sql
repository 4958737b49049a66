{#-
    text_tokens(relation, key_column, text_column): a select of one row per word of each
    text of the relation: the key, token_position (1, 2, ... in reading order) and token.
    Words are runs of the letters a-z after lower-casing, with apostrophes (straight or
    curly) dropped first: "don't" is the word dont, the quotes of 'great' are nothing.
    Every other character separates words, so digits, punctuation and letters outside
    a-z (accents, other scripts) are no words. A text without words gives no row, or one
    whose token is '' (callers drop it).
-#}
{% macro text_tokens(relation, key_column, text_column) -%}
    {{ return(adapter.dispatch('text_tokens', 'customer_success_kpis')(
        relation, key_column, text_column)) }}
{%- endmacro %}

{#-
    text_words_spaced(text_column): the text's words separated by single spaces:
    lower-cased, apostrophes dropped, every run of other characters one space, trimmed.
-#}
{% macro text_words_spaced(text_column) -%}
    {%- set unquoted = regex_replace_all("lower(" ~ text_column ~ ")", "['’‘]", "") -%}
    trim({{ regex_replace_all(unquoted, "[^a-z]+", " ") }})
{%- endmacro %}

{% macro postgres__text_tokens(relation, key_column, text_column) -%}
    select
        spaced.{{ key_column }},
        words.token_position,
        words.token
    from (
        select
            {{ key_column }},
            {{ text_words_spaced(text_column) }} as spaced_text
        from {{ relation }}
    ) as spaced
    cross join lateral unnest(string_to_array(spaced.spaced_text, ' '))
        with ordinality as words (token, token_position)
{%- endmacro %}

{% macro duckdb__text_tokens(relation, key_column, text_column) -%}
    select
        split.{{ key_column }},
        unnest(generate_series(1, len(split.tokens))) as token_position,
        unnest(split.tokens) as token
    from (
        select
            {{ key_column }},
            string_split({{ text_words_spaced(text_column) }}, ' ') as tokens
        from {{ relation }}
    ) as split
{%- endmacro %}

{% macro spark__text_tokens(relation, key_column, text_column) -%}
    select
        spaced.{{ key_column }},
        words.token_position + 1 as token_position,
        words.token
    from (
        select
            {{ key_column }},
            {{ text_words_spaced(text_column) }} as spaced_text
        from {{ relation }}
    ) as spaced
    lateral view posexplode(split(spaced.spaced_text, ' ')) words as token_position, token
{%- endmacro %}
