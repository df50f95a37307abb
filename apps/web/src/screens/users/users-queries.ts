import { graphql } from '../../gql';

/** A user as the list shows it. */
export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    username
    displayName
    role
    active
    mustChangePassword
    lastLoginAt
    createdAt
    departments {
      code
      name
    }
  }
`);

/** Every user of the ente with departments and last login, and the departments to assign. */
export const UsersQuery = graphql(`
  query Users {
    users {
      ...UserRow
    }
    departments {
      code
      name
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserRow
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $displayName: String, $role: Role, $departmentCodes: [String!]) {
    updateUser(id: $id, displayName: $displayName, role: $role, departmentCodes: $departmentCodes) {
      id
      displayName
      role
      departments {
        code
        name
      }
    }
  }
`);

export const SetUserDepartmentsMutation = graphql(`
  mutation SetUserDepartments($id: ID!, $departmentCodes: [String!]!) {
    setUserDepartments(id: $id, departmentCodes: $departmentCodes) {
      id
      departments {
        code
        name
      }
    }
  }
`);

export const SetUserActiveMutation = graphql(`
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      id
      mustChangePassword
    }
  }
`);
