"""The negotiation table: top bar, delegations, proposal board, transcript and action bar."""
