"""What the simulated business is made of: the raw files' columns, plans and prices,
regions, names, the product's events, ticket topics, texts, and timestamp styles."""

from datetime import datetime

from scripts.raw_contract import contract_columns

# the raw files' columns in file order, from the contract's one list (scripts/raw_contract.py)
ACCOUNT_COLUMNS = contract_columns()["raw_accounts"]
EVENT_COLUMNS = contract_columns()["raw_events"]
SURVEY_COLUMNS = contract_columns()["raw_surveys"]

ALERTS_RELEASE = datetime(2025, 6, 1)
TRIAL_DAYS = 14
DECLINE_DAYS = 60
UNKNOWN_ACCOUNT = "acc_9999"

PLAN_PRICES = {"starter": 29, "team": 99, "business": 299}
PLAN_ORDER = ["starter", "team", "business"]
CURRENCIES = [("USD", 80), ("EUR", 12), ("GBP", 8)]
CSM_OWNERS = ["Maya Patel", "Jonas Berg", "Aisha Khan", "Luis Ortega", "Emma Chen"]
INDUSTRIES = [
    "software", "retail", "healthcare", "financial_services", "education",
    "manufacturing", "media", "nonprofit", "logistics",
]
REGIONS = [("AMER", 48), ("EMEA", 32), ("APAC", 12), ("LATAM", 8)]
# centre of the working day in UTC hours, and the offsets (minutes) people there render
REGION_HOURS = {"AMER": 16.0, "EMEA": 10.5, "APAC": 3.0, "LATAM": 15.0}
REGION_OFFSETS = {
    "AMER": [-300, -480, -240], "EMEA": [60, 120], "APAC": [480, 540], "LATAM": [-180],
}
SEGMENT_STYLES = {
    "self_serve": [
        ("self_serve", 70), ("Self-Serve", 8), (" self_serve ", 5), ("SELF_SERVE", 6),
        ("self-serve", 6), ("Self_Serve ", 5),
    ],
    "high_touch": [
        ("high_touch", 70), ("HIGH_TOUCH", 10), ("high-touch", 8), (" High-Touch ", 6),
        ("High_Touch", 6),
    ],
}
NAME_HEADS = [
    "Acorn", "Bluebird", "Brightpath", "Cedar", "Cobalt", "Copperleaf", "Driftwood",
    "Ember", "Evergreen", "Falcon", "Fernway", "Granite", "Harbor", "Helix", "Ironwood",
    "Juniper", "Keystone", "Lakeside", "Lumen", "Maple", "Meridian", "Northwind", "Oakline",
    "Orbit", "Pinecrest", "Quartz", "Redwood", "Riverbend", "Sable", "Sagebrush",
    "Silverline", "Summit", "Tidewater", "Trellis", "Umber", "Vantage", "Willow", "Zephyr",
]
NAME_TAILS = [
    "Analytics", "Labs", "Logistics", "Health", "Studio", "Systems", "Partners", "Retail",
    "Foods", "Media", "Capital", "Robotics", "Learning", "Energy", "Works", "Group",
    "Software", "Clinics", "Outfitters", "Consulting",
]

# product events: name, base weight, gate (pre: always; onb: after onboarding;
# fv: after first value; alerts: after the account adopted the alerts feature)
PRODUCT_EVENTS = [
    ("dashboard_viewed", 34.0, "pre"), ("dashboard_created", 6.0, "pre"),
    ("comment_added", 10.0, "pre"), ("integration_connected", 1.5, "pre"),
    ("report_created", 10.0, "onb"), ("data_exported", 7.0, "onb"),
    ("api_called", 9.0, "onb"), ("report_shared", 6.0, "fv"), ("alert_created", 6.0, "alerts"),
]
EVENT_FEATURE = {
    "dashboard_viewed": "dashboards", "dashboard_created": "dashboards",
    "comment_added": "collaboration", "integration_connected": "integrations",
    "report_created": "reports", "report_shared": "reports", "data_exported": "exports",
    "api_called": "api", "alert_created": "alerts",
}
ODD_EVENT_NAMES = {"dashboard_viewed": "Dashboard Viewed", "report_created": "reportCreated"}
INTEGRATIONS = ["salesforce", "hubspot", "postgres", "snowflake", "google_sheets", "stripe"]
ONBOARDING_STEPS = [
    "create_workspace", "invite_teammate", "connect_data_source", "create_first_report",
]
TICKET_CHANNELS = [("email", 45), ("chat", 35), ("web_form", 20)]
TICKET_TOPICS = [
    "billing", "bug", "how_to", "integration", "account_access", "performance", "data_import",
]
SEARCH_QUERIES = [
    "share report", "export csv", "connect salesforce", "invite user", "reset password",
    "api rate limit", "dashboard filters", "schedule report", "change plan", "sso setup",
    "delete workspace", "alerts threshold", "embed dashboard", "billing invoice",
]
CANCEL_REASONS = [
    "too_expensive", "missing_feature", "switched_competitor", "low_usage", "poor_support",
    "business_closed",
]
FREE_TEXT_REASONS = [
    "Budget frozen until next fiscal year", "Project ended", "Moving to an in-house tool",
    "Company was acquired", "We only needed it for one campaign",
]
FEEDBACK_TEXTS = {
    "feature_request": [
        "Please add scheduled exports to PDF", "Would love dark mode",
        "Need more chart types for dashboards", "Let us share reports with external guests",
        "Add a Slack integration for alerts", "Bulk-edit permissions, please",
    ],
    "bug": [
        "Dashboard filters reset after refresh", "Export hangs on large reports",
        "Comment notifications arrive twice", "Integration sync fails silently",
    ],
    "praise": [
        "The new report builder is great", "Support was super quick, thanks!",
        "Sharing reports saved us hours", "Alerts are exactly what we needed",
    ],
    "other": ["Where can I find the changelog?", "Is there a nonprofit discount?"],
}
SURVEY_COMMENTS = {
    "negative": [
        "Too slow, and support never answered my ticket", "Hard to set up",
        "Reports keep breaking, we are looking at alternatives", "Too expensive for what we use",
        "The \"share\" button is hidden, took me ages to find",
    ],
    "neutral": ["It's fine", "Does the job, a few rough edges", "OK, but exports are clunky"],
    "positive": [
        "Love the dashboards, great product", "Support is fantastic",
        "Saves my team hours every week, thank you", "Easy to use, intuitive",
    ],
}
TS_STYLES = [("z", 45), ("space", 20), ("offset", 25), ("ms", 10)]
