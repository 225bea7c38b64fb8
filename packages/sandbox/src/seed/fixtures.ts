/**
 * The account every sandbox has, seeded or empty: its users, teams, contact stages and deal pipelines.
 * The API has no endpoints to create these, so they are fixed; ids follow the docs' style.
 */

export interface TeamFixture {
  id: string
  name: string
}

export interface UserFixture {
  id: string
  firstName: string
  lastName: string
  email: string
  role: string
  teamIds: string[]
}

export interface StageFixture {
  id: string
  name: string
}

export interface PipelineFixture {
  id: string
  name: string
  stages: StageFixture[]
}

export const teams: readonly TeamFixture[] = [
  { id: 'team_downtown', name: 'Downtown' },
  { id: 'team_coastal', name: 'Coastal' },
  { id: 'team_luxury', name: 'Luxury Homes' },
]

/** The first user owns the account: every API key belongs to it (`GET /me`). */
export const users: readonly UserFixture[] = [
  {
    id: 'user_jsmith',
    firstName: 'Jane',
    lastName: 'Smith',
    email: 'jsmith@example.com',
    role: 'Owner',
    teamIds: ['team_downtown', 'team_luxury'],
  },
  {
    id: 'user_mgarcia',
    firstName: 'Miguel',
    lastName: 'Garcia',
    email: 'mgarcia@example.com',
    role: 'Admin',
    teamIds: ['team_downtown'],
  },
  {
    id: 'user_achen',
    firstName: 'Amy',
    lastName: 'Chen',
    email: 'achen@example.com',
    role: 'Agent',
    teamIds: ['team_coastal'],
  },
  {
    id: 'user_dokafor',
    firstName: 'David',
    lastName: 'Okafor',
    email: 'dokafor@example.com',
    role: 'Agent',
    teamIds: ['team_luxury'],
  },
  {
    id: 'user_spatel',
    firstName: 'Sara',
    lastName: 'Patel',
    email: 'spatel@example.com',
    role: 'Lender',
    teamIds: ['team_coastal', 'team_downtown'],
  },
]

export const OWNER = users[0] as UserFixture

/** Contact stages, in pipeline order. `PUT /people/{id}` takes these ids as `stage`. */
export const contactStages: readonly StageFixture[] = [
  { id: 'stage_lead', name: 'Lead' },
  { id: 'stage_prospect', name: 'Prospect' },
  { id: 'stage_active', name: 'Active Client' },
  { id: 'stage_under_contract', name: 'Under Contract' },
  { id: 'stage_closed', name: 'Closed' },
  { id: 'stage_past_client', name: 'Past Client' },
  { id: 'stage_nurture', name: 'Nurture' },
]

/** Deal pipelines with their own stages (deals use `pipelineId` + `stageId`). */
export const pipelines: readonly PipelineFixture[] = [
  {
    id: 'pipe_buyers',
    name: 'Buyers',
    stages: [
      { id: 'dstage_buyer_showing', name: 'Showing' },
      { id: 'dstage_buyer_offer', name: 'Offer Made' },
      { id: 'dstage_buyer_pending', name: 'Pending' },
      { id: 'dstage_buyer_closed', name: 'Closed' },
    ],
  },
  {
    id: 'pipe_sellers',
    name: 'Sellers',
    stages: [
      { id: 'dstage_seller_listing', name: 'Listing Appointment' },
      { id: 'dstage_seller_active', name: 'Active Listing' },
      { id: 'dstage_seller_pending', name: 'Pending' },
      { id: 'dstage_seller_closed', name: 'Closed' },
    ],
  },
]
