"""The agency's hub: JupyterHub accounts per team and facilitator, and a store on PostgreSQL
that every team's server shares while row-level security keeps each plan its team's own.

Modules, in the direction they depend: :mod:`.names` (groups, roles, database role names),
:mod:`.rowsecurity` (PostgreSQL roles and policies), :mod:`.accounts` (the authenticator),
:mod:`.singleuser` (a team's server: the app view only), :mod:`.workshops` (creating a
workshop and its teams), :mod:`.serve` (``make hub``).
"""
