"""An example careerkit plug-in: one new career and one extension of a built-in career."""
