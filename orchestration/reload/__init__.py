"""Reloads: the sensor on the cable folder, the daily schedule, and the jobs they launch."""
