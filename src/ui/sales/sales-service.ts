import type { CrmService } from '../../services/crm-service';

/** What the sales screens call: the CRM service, with its sales process (`SalesProcess`). */
export type SalesService = CrmService;
