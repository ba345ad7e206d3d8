"""Stage 3 beside the site: the departments' workbooks (`plansite collect`, `plansite import`)."""
