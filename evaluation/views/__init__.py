"""Pages of the evaluation, one module per part: the overview and Table 1's aspects (overview.py), instruments
and their items (instruments.py), recording responses (responses.py), questionnaire links and the public
questionnaire (links.py), and the analysis: triangulation, the summary table and its PDF, the gallery and the
export (results.py)."""
