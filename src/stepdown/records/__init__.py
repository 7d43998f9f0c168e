"""The person's record as a whole: export and import (portability), erasure, FHIR R4.

It sits above every feature app because it reads (and erases) what all of them own."""
